package plandoc

import (
	"reflect"
	"strings"
	"testing"
)

// A plan that numbers its items across chapters, flattened to one line:
// the item after a chapter heading goes on the count (二、…3.…), and each
// chapter gets its own items.
func TestRunOnNumberingAcrossChapters(t *testing.T) {
	filler := strings.Repeat("各单位要提高站位，压实责任，确保各项措施落地见效。", 60)
	s := "某市稳就业若干措施 " + filler +
		"一、扩大就业岗位1.开发公益性岗位。2.支持企业吸纳就业。二、强化技能培训3.开展订单式培训。4.建设实训基地。"
	p := parseProse(t, s)
	want := []string{"一/1", "一/2", "二/3", "二/4"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// A short web page pasted as one line is split when it holds chapters in
// sequence with items below them; a paragraph of ordinary length with an
// inline enumeration is left whole.
func TestShortRunOnPage(t *testing.T) {
	page := "东湖区2025年优化营商环境措施 来源：东湖区发改局 为持续优化营商环境，制定以下措施。" +
		"一、提升审批效率1.压缩开办时间。2025年6月底前企业开办时间压缩至1个工作日。（责任单位：区行政审批局）" +
		"2.推行告知承诺制。（责任单位：区行政审批局、区市场监管局）" +
		"二、降低经营成本3.落实减税降费政策。（责任单位：区税务局）4.降低用能成本。9月底前完成转供电清理。（责任单位：区发改局）" +
		"东湖区发改局 2025年3月2日"
	p := parseProse(t, page)
	want := []string{"一/1", "一/2", "二/3", "二/4"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	para := strings.Repeat("各街道要加强统筹，1.摸清底数；2.建立台账；3.按月调度，确保工作有序推进。", 5)
	if holdsChapterSequence(para) {
		t.Errorf("an ordinary paragraph was taken for a page")
	}
}
