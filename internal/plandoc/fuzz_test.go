package plandoc

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/duban/duban/internal/docread"
)

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzDeadlines(f *testing.F) {
	for _, s := range []string{"2018年底前", "6月底前", "(1-3月份)", "每季度", "2021/01 ~ 2021/12", "年初有清单、年末有考核", "12月前", "2016年年初", "第二季度", "99月底前", "2019年13月",
		"于 2024 年底前", "2023 年 6 月底前", " 2025 年中 ", "召开季度形势分析会", "推行“一季一督查”", "建立月通报机制", "争取5月完成", "9月初步建成"} {
		f.Add(s, 2018)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		for _, d := range deadlinesOf(s, year%3000) {
			if (d.Due == "") == (d.Every == "") {
				t.Fatalf("deadline %+v has both or neither of due and every", d)
			}
			if d.Due != "" && !isoDate.MatchString(d.Due) {
				t.Fatalf("due %q is not an ISO date", d.Due)
			}
			if d.Text == "" || !strings.Contains(s, d.Text) {
				t.Fatalf("deadline text %q is not part of %q", d.Text, s)
			}
		}
	})
}

func FuzzUnits(f *testing.F) {
	for _, s := range []string{"（责任单位：市法制办，各县〔市、区〕政府）", "(市财政〈地税〉局和各地政府按职责分工分别牵头落实)", "（A等市级有关部门）", "((((", "（）", "（牵头单位：；配合单位：）",
		"〔责任单位:县住建局、县发改局按职责分工负责。各乡镇政府均为责任主体，不再列出，下同。〕", "由县林业局牵头，会同县财政局", "由于", "- 主（協）辦機關：環保署、(各縣市政府)", "牵头单位：办公室 财务处", "〔〔〕"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range notesOf(s) {
			for _, u := range n.units {
				if u == "" || !utf8.ValidString(u) {
					t.Fatalf("bad unit %q from %q", u, s)
				}
			}
		}
	})
}

func FuzzLabel(f *testing.F) {
	for _, s := range []string{"一、总体要求", "（一）", "1.", "１２．", "第十六条", "②", "(", "第", "一十百"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _, n := matchLabel(s)
		if n < 0 || n > len(s) {
			t.Fatalf("matchLabel(%q) took %d bytes", s, n)
		}
		if got := fold(s); len(got) != len(s) {
			t.Fatalf("fold changed the byte length of %q", s)
		}
	})
}

func FuzzParseText(f *testing.F) {
	f.Add("一、主要任务\n（一）加强。\n1.推进。（责任单位：市财政局）\n附件\n")
	f.Add(strings.Repeat("1.加强。", 50))
	f.Add("\t序号\n\t任务\n\n\t1\n\t做\n")
	// Tables pasted one cell per line: a task list and an assessment sheet.
	f.Add("附件\n序号\n重点任务\n责任单位\n一、产业类\n1\n建园区\n县经信局\n2\n招商\n（部分内容删减）\n9\n改造厂房\n")
	f.Add("序号\n考核内容\n分值\n考核单位\n一、\n组织领导\n5\n1\n建机制\n5\n1.成立小组，得5分。\n县委办\n二、\n宣传\n")
	f.Add("工作任务\n牵头单位\n完成时限\n1.排查\n街道办\n6月底前\n整改\n")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := docread.Read("fuzz.txt", []byte(s))
		if err != nil {
			return
		}
		p := Parse(doc)
		for _, task := range p.Tasks {
			if len(task.Path) == 0 {
				t.Fatalf("task without a path: %+v", task)
			}
		}
	})
}
