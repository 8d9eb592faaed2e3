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

// A number closed by a bracket alone (1）, 2)) numbers the items of a list.
func TestHalfParenLabels(t *testing.T) {
	p := parseProse(t, `某镇2026年秋冬季防火工作方案
一、主要任务
1）开展林区巡护，每日巡查不少于2次。（镇林业站）
2）清理林缘可燃物，10月底前完成。（各村委会）`)
	if want := []string{"一/1", "一/2"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
	if _, _, n := matchLabel("2025）年度任务"); n != 0 {
		t.Errorf("a four-digit number read as a label")
	}
}

// A rectification plan numbers its problems 问题一：, 问题二：.
func TestProblemNumeralLabels(t *testing.T) {
	p := parseProse(t, `某局巡察整改方案
一、整改任务
问题一：会议记录不完整。
整改措施：规范会议记录。
责任单位：局办公室
问题二：固定资产账实不符。
整改措施：开展资产清查。
责任单位：局财务股
二、整改要求
（一）压实责任。`)
	if want := []string{"一/问题一", "一/问题二", "二/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}
