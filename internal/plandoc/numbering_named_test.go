package plandoc

import (
	"reflect"
	"testing"
)

// Items numbered with a noun and a numeral (项目一：) are the plan's tasks;
// a word that merely begins with such a noun (项目一期) is no label.
func TestNamedNumeralLabels(t *testing.T) {
	p := parseProse(t, `某区2026年为民办实事项目清单
项目一：建设口袋公园
目标任务：新建口袋公园8个
责任单位：区园林局
项目二：改造背街小巷
目标任务：改造背街小巷30条
责任单位：区城管局`)
	if want := []string{"项目一", "项目二"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
	if _, _, n := matchLabel("项目一期工程于6月开工"); n != 0 {
		t.Errorf("项目一期 read as a label")
	}
	if v, ok := labelValue("任务三"); !ok || v != 3 {
		t.Errorf("labelValue(任务三) = %d %v", v, ok)
	}
}
