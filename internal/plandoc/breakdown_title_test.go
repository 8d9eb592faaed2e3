package plandoc

import "testing"

// A task breakdown titled without 表 or 方案, and the minutes of a meeting,
// keep their own heading as the title.
func TestBreakdownAndMinutesTitles(t *testing.T) {
	cases := map[string]string{
		"某县2026年民生工作重点任务分工\n\n一、稳就业\n（一）新增城镇就业3000人。（县人社局牵头）":    "某县2026年民生工作重点任务分工",
		"县政府2026年工作报告重点工作分解\n\n一、抓项目\n1.新开工项目40个。（县发改局牵头）":       "县政府2026年工作报告重点工作分解",
		"某区政府第五次常务会议纪要\n\n会议议定事项如下：\n一、关于背街小巷整治\n区城管局牵头，5月底前完成。": "某区政府第五次常务会议纪要",
	}
	for text, want := range cases {
		if p := parseProse(t, text); p.Title != want {
			t.Errorf("title = %q, want %q", p.Title, want)
		}
	}
}

// A breakdown headed by the document it carries out, in 《》 and over two
// lines, keeps the whole heading as its title.
func TestQuotedPlanHeadingTitle(t *testing.T) {
	p := parseProse(t, "《某市城市更新规划\n（2026-2030年）》任务分工表\n\n一、老旧小区改造\n（一）改造小区20个。（市住建局牵头）")
	if want := "某市城市更新规划（2026-2030年）任务分工表"; p.Title != want {
		t.Errorf("title = %q, want %q", p.Title, want)
	}
}
