package plandoc

import (
	"reflect"
	"testing"
)

func unitsAndLead(text string) (units, lead []string) {
	for _, n := range notesOf(text) {
		units = appendNew(units, n.units...)
		lead = appendNew(lead, n.lead...)
	}
	return units, lead
}

func TestUnitsBeyondRoundNotes(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		units, lead []string
	}{
		{"shell note with an explanation",
			"推进老旧小区改造。〔责任单位:县住建局、县发改局按职责分工负责。各乡镇政府均为责任主体，不再列出，下同。〕",
			[]string{"县住建局", "县发改局"}, nil},
		{"shell note with a lead",
			"建设智慧停车平台〔牵头单位：区交通局；责任单位：区公安分局、各街道〕",
			[]string{"区交通局", "区公安分局", "各街道"}, []string{"区交通局"}},
		{"round note with a second labelled sentence",
			"开展普查。（牵头单位：县统计局。配合单位：县农业农村局。）",
			[]string{"县统计局", "县农业农村局"}, []string{"县统计局"}},
		{"brackets inside a unit name are no note",
			"督促各县〔市、区〕政府落实温政发〔2019〕3号文件。", nil, nil},
		{"prose clause with a lead",
			"由县林业局牵头，会同县财政局制定补偿办法。", []string{"县林业局"}, []string{"县林业局"}},
		{"prose clause without a lead",
			"改造资金的拨付由区财政局统一负责。", []string{"区财政局"}, nil},
		{"prose clause with several units",
			"由市卫健委、市医保局按职责分工负责。", []string{"市卫健委", "市医保局"}, nil},
		{"a sentence that opens with its lead",
			"推进数据共享。县数据局牵头，会同县公安局建设共享平台。", []string{"县数据局"}, []string{"县数据局"}},
		{"helpers named in the clause after the lead",
			"修缮乡村文化礼堂20座，由县文旅局牵头，县财政局、县住建局配合，10月底前完工。",
			[]string{"县文旅局", "县财政局", "县住建局"}, []string{"县文旅局"}},
		{"a lead clause after a comma",
			"落实退役军人优待政策，县退役军人事务局牵头，县人社局协助，按季发放。",
			[]string{"县退役军人事务局", "县人社局"}, []string{"县退役军人事务局"}},
		{"helpers of a responsible body",
			"由县卫健局负责，各乡镇卫生院配合。", []string{"县卫健局", "各乡镇卫生院"}, nil},
		{"a clause of helping work names no unit",
			"由县卫健局牵头，积极配合做好宣传。", []string{"县卫健局"}, []string{"县卫健局"}},
		{"roles of a slogan are no units",
			"形成党委统筹，政府牵头，部门协同，社会参与的治理格局。", nil, nil},
		{"a comma clause that is no unit",
			"加快进度，统筹推进牵头，确保完成。", nil, nil},
		{"a sentence that opens with duties",
			"县数据局负责平台运维。", nil, nil},
		{"prose that only mentions bodies",
			"由于各地进度不一，报市政府同意后由各地自行安排。", nil, nil},
		{"co-organiser labels, traditional script",
			"- 主（協）辦機關：環保署、(各縣市政府)", []string{"環保署", "各縣市政府"}, []string{"環保署"}},
		{"organiser label",
			"主办机关：县数据局", []string{"县数据局"}, []string{"县数据局"}},
		{"units separated by spaces",
			"牵头单位：办公室 财务处\n责任单位：信息中心  规划处", []string{"办公室", "财务处", "信息中心", "规划处"}, []string{"办公室", "财务处"}},
		{"a name cut by a space stays whole",
			"责任单位：市委巡察 办公室", []string{"市委巡察 办公室"}, nil},
		{"bare roles with colons",
			"完善联审机制（牵头：县发改局；配合：县自然资源局、县住建局）",
			[]string{"县发改局", "县自然资源局", "县住建局"}, []string{"县发改局"}},
		{"section labels of county offices",
			"开展培训。\n牵头科室：人事股\n配合科室：办公室、财务股", []string{"人事股", "办公室", "财务股"}, []string{"人事股"}},
		{"two responsible units joined by 会同",
			"建立名录库。（县商务局会同县市场监管局负责）", []string{"县商务局", "县市场监管局"}, nil},
		{"units that lead jointly",
			"编制专项规划。（县发改局、县自然资源局联合牵头）", []string{"县发改局", "县自然资源局"}, []string{"县发改局", "县自然资源局"}},
		{"a 联合会 keeps its name",
			"（责任单位：县妇女联合会）", []string{"县妇女联合会"}, nil},
		{"a second label after a space",
			"（牵头单位：县民政局 责任单位：县残联，县卫健局）", []string{"县民政局", "县残联", "县卫健局"}, []string{"县民政局"}},
		{"people named beside the units",
			"（牵头领导：赵副县长；牵头单位：县水利局；责任人：钱科长）", []string{"县水利局"}, []string{"县水利局"}},
		{"roles as predicates",
			"（县交通局为牵头单位，县公安局为配合单位）", []string{"县交通局", "县公安局"}, []string{"县交通局"}},
		{"a lead and those who carry it out",
			"（县卫健局牵头，各乡镇人民政府具体实施）", []string{"县卫健局", "各乡镇人民政府"}, []string{"县卫健局"}},
		{"a remark with a verb of carrying out is no note",
			"（自2023年起实施）", nil, nil},
		{"divisions glued by a merged cell",
			"责任处室：财务处审计处、人事处", []string{"财务处", "审计处", "人事处"}, nil},
		{"a body with its office keeps its name",
			"责任单位：县政府办公室、县委组织部、县财政局国库科", []string{"县政府办公室", "县委组织部", "县财政局国库科"}, nil},
		{"a body and those under it",
			"责任单位：县政府及所属各部门", []string{"县政府及所属各部门"}, nil},
	}
	for _, tt := range tests {
		units, lead := unitsAndLead(tt.text)
		if !reflect.DeepEqual(units, tt.units) || !reflect.DeepEqual(lead, tt.lead) {
			t.Errorf("%s: notesOf(%q) = %q lead %q, want %q lead %q", tt.name, tt.text, units, lead, tt.units, tt.lead)
		}
	}
}
