package plandoc

import (
	"reflect"
	"testing"
)

// Notice headings of the common forms give the title and the issuer.
func TestNoticeHeadingForms(t *testing.T) {
	tests := []struct {
		name, doc, title, issuer string
	}{
		{"issuing without 关于", `某开发区管委会印发2024年营商环境工作要点的通知
各部门：
现将要点印发给你们。
2024年营商环境工作要点
一、优化审批
（一）推行容缺受理。`, "2024年营商环境工作要点", "某开发区管委会"},
		{"an opinion on a matter", `某县人民政府关于落实耕地保护责任的意见
各乡镇：
一、压实乡镇责任
乡镇每季度巡查一次。`, "某县人民政府关于落实耕地保护责任的意见", "某县人民政府"},
		{"heading over two lines", `某市人民政府办公室关于推进
老旧小区加装电梯的通知
各区政府：
一、简化审批
实行联合审查。`, "某市人民政府办公室关于推进老旧小区加装电梯的通知", "某市人民政府办公室"},
		{"a notice whose matter is a plan", `某县人民政府关于2024年森林防火工作要点的通知
各乡镇：
现将要点通知如下。
2024年森林防火工作要点
一、落实责任
（一）签订责任书。`, "2024年森林防火工作要点", "某县人民政府"},
		{"organ signs, heading names none", `成文日期：2020-08-03
发布机构：某某政务网
关于开展健康义诊活动的通知
一、活动时间
9月底前完成。
某区卫生健康局
2020年8月3日`, "关于开展健康义诊活动的通知", "某区卫生健康局"},
		{"signature block before the plan", `某市发展和改革委员会
2021年5月6日
某市节能降碳行动方案
一、重点任务
（一）推广高效电机。`, "某市节能降碳行动方案", "某市发展和改革委员会"},
		{"organ named, not the site's field", `发布机构：某某政务网
某区卫生健康局关于开展健康义诊活动的通知
一、活动时间
9月底前完成。
某区卫生健康局
2020年8月3日`, "某区卫生健康局关于开展健康义诊活动的通知", "某区卫生健康局"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseProse(t, tt.doc)
			if p.Title != tt.title || p.Issuer != tt.issuer {
				t.Errorf("title, issuer = %q %q, want %q %q", p.Title, p.Issuer, tt.title, tt.issuer)
			}
			if len(p.Tasks) == 0 {
				t.Errorf("no tasks")
			}
		})
	}
}

// The title never glues a note, the word 附件 and an annex heading, and
// the body does not start inside the annex when the document is the plan.
func TestTitleStopsAtAnnex(t *testing.T) {
	p := parseProse(t, `（此件公开发布）
一、夏季防溺水工作
（一）排查危险水域。
（二）设置警示标志。
（部分内容略）
附件
危险水域清单
序号
水域名称
1
东湖
2
北河
3
南塘`)
	for _, task := range p.Tasks {
		if task.Path[0] != "一" && task.Path[0] != "附件" {
			t.Errorf("task %v: the body started inside the annex", task.Path)
		}
	}
	if p.Title == "（部分内容略）附件危险水域清单" || p.Title == "危险水域清单" {
		t.Errorf("title = %q", p.Title)
	}
}

// A site's empty 主题词 field is no 版记: the body after it is read; a
// 主题词 with content after the body ends it.
func TestSubjectWordsField(t *testing.T) {
	p := parseProse(t, `某镇河道保洁工作方案
索引号：001-2022-0042
主题词：
发布机构：某镇人民政府
一、主要任务
（一）每日巡河。
（二）清理漂浮物。`)
	if want := []string{"一/(一)", "一/(二)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
	p = parseProse(t, `某镇河道保洁工作方案
主题词：河道 保洁
一、主要任务
（一）每日巡河。`)
	if want := []string{"一/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
	p = parseProse(t, `某镇河道保洁工作方案
一、主要任务
（一）每日巡河。
主题词：河道 保洁 方案
（二）抄送某单位。`)
	if want := []string{"一/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}

// A parenthesised label with a redundant 、 after it, and a heading that
// introduces a list after its colon.
func TestLabelCommaAndListTitle(t *testing.T) {
	if _, label, n := matchLabel("（二）、避灾搬迁。"); label != "(二)" || "（二）、避灾搬迁。"[n:] != "避灾搬迁。" {
		t.Errorf("label %q rest %q", label, "（二）、避灾搬迁。"[n:])
	}
	if got := titleOf("交通方面3项：公交优先；慢行系统；停车治理。"); got != "交通方面3项" {
		t.Errorf("titleOf = %q", got)
	}
	if got := titleOf("推进改造：完成20个小区。"); got != "推进改造：完成20个小区" {
		t.Errorf("titleOf = %q", got)
	}
}

// An annex saved as a file of its own takes its title from the marker.
func TestStandaloneAnnexTitle(t *testing.T) {
	p := parseProse(t, `附件2：某街道垃圾分类实施方案
一、工作背景
近年来垃圾量增长较快。
二、主要任务
（一）设置分类投放点。`)
	if p.Title != "某街道垃圾分类实施方案" {
		t.Errorf("title = %q", p.Title)
	}
	if want := []string{"二/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}

// A notice cited in the preamble is not the document's heading.
func TestCitedNoticeIsNoHeading(t *testing.T) {
	p := parseProse(t, `某县人民政府关于加强秸秆禁烧工作的通知
各乡镇：
根据市政府关于印发大气污染防治方案的通知要求，现通知如下。
一、落实网格责任
乡镇每日巡查。`)
	if p.Title != "某县人民政府关于加强秸秆禁烧工作的通知" || p.Issuer != "某县人民政府" {
		t.Errorf("title, issuer = %q %q", p.Title, p.Issuer)
	}
	if want := []string{"一"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}
