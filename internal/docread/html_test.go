package docread

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// govPage is shaped like a page saved from a county government site:
// GB2312 meta, menus, breadcrumbs, share buttons, a layout table around
// the article, a data table with merged cells, and a footer.
const govPage = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发重点工作任务的通知_县人民政府</title>
<style>.nav{color:red}</style><script>var menu = "首页";</script></head>
<body>
<div id="header"><a href="/">县人民政府</a></div>
<ul class="mainNav"><li>首页<li>政务公开<li>政务服务</ul>
<div class="location">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<table width="100%"><tr><td class="left_menu">栏目导航<br>通知公告</td>
<td>
<div class="article-title"><h1>关于印发2024年重点工作任务的通知</h1></div>
<div class="content">
<p>各乡镇人民政府，县直各部门：</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;现将《2024年重点工作任务》印发给你们，请认真贯彻落实。<br>特此通知。</p>
<table border="1">
<tr><th>序号</th><th>任务</th><th>责任单位</th><th>完成时限</th></tr>
<tr><td>1</td><td>招商引资</td><td rowspan="2">商务局</td><td>6月底</td></tr>
<tr><td>2</td><td>外贸稳增长</td><td>12月底</td></tr>
<tr><td colspan="3">合计</td><td>2项</td></tr>
</table>
<p style="display:none">隐藏内容</p>
<div class="bdshare">分享到：微信 微博</div>
</div></td></tr></table>
<form><select><option>友情链接</option></select><button>搜索</button></form>
<div id="footer">版权所有：县人民政府 ICP备12345678号</div>
</body></html>`

var govText = []string{
	"关于印发2024年重点工作任务的通知",
	"各乡镇人民政府，县直各部门：",
	"现将《2024年重点工作任务》印发给你们，请认真贯彻落实。",
	"特此通知。",
	"[table]",
}

var govTable = [][]string{
	{"序号", "任务", "责任单位", "完成时限"},
	{"1", "招商引资", "商务局", "6月底"},
	{"2", "外贸稳增长", "商务局", "12月底"},
	{"合计", "合计", "合计", "2项"},
}

func TestHTMLGovPage(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"gb2312 as declared", encode(t, simplifiedchinese.GB18030, govPage), "gb18030"},
		{"re-saved as utf-8 under the old meta", []byte(govPage), "utf-8"},
		{"utf-16 with BOM", append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), govPage)...), "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, "page.xls", tt.data)
			if doc.Format != FormatHTML || doc.Encoding != tt.enc {
				t.Fatalf("format %q encoding %q", doc.Format, doc.Encoding)
			}
			if got := texts(doc); !slices.Equal(got, govText) {
				t.Errorf("got  %q\nwant %q", got, govText)
			}
			got := tables(doc)
			if len(got) != 1 || len(got[0]) != len(govTable) {
				t.Fatalf("tables %q", got)
			}
			for i := range govTable {
				if !slices.Equal(got[0][i], govTable[i]) {
					t.Errorf("row %d = %q, want %q", i, got[0][i], govTable[i])
				}
			}
		})
	}
}

func TestHTMLStructure(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"unclosed paragraphs and items", `<html><body><p>一<p>二<ul><li>甲<li>乙</ul>`, []string{"一", "二", "甲", "乙"}},
		{"no head end tag", `<html><head><title>t</title><body><p>正文`, []string{"正文"}},
		{"white space collapsed, pre kept", "<body><p>a \n\t b</p><pre>x  y\nz</pre>", []string{"a b", "x  y", "z"}},
		{"entities", `<body><p>A&amp;B&nbsp;&lt;C&gt; &#20219;&#x52A1;</p>`, []string{"A&B <C> 任务"}},
		{"article header kept, site header dropped", `<body><header>站点</header><article><header><h1>标题</h1></header><p>文</p><footer>（责任编辑：张三）</footer></article><footer>版权</footer>`, []string{"标题", "文", "（责任编辑：张三）"}},
		{"aria and role furniture dropped", `<body><div role="navigation">导航</div><div aria-hidden="true">x</div><div hidden>y</div><p>文</p>`, []string{"文"}},
		{"one-column table is text", `<body><table><tr><td>第一段</td></tr><tr><td>第二段</td></tr></table>`, []string{"第一段", "第二段"}},
		{"prose table is text", `<body><table><tr><td>标题</td><td>` + longProse + `</td></tr><tr><td>a</td><td>b</td></tr></table>`, []string{"标题", longProse, "a", "b"}},
		{"stray end tags", `<body></div></td><p>a</p></span>b`, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, "p.html", []byte(tt.page))
			if got := texts(doc); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

var longProse = strings.Repeat("为深入贯彻落实党中央、国务院决策部署，进一步加强重点工作督查督办，确保各项任务按时保质完成，现就有关事项通知如下。"+
	"各单位要高度重视，明确责任领导和具体经办人员，建立工作台账，实行挂图作战，定期报送进展情况。对工作推进不力、进度滞后的，"+
	"将予以通报批评并纳入年度绩效考核。各牵头单位要加强统筹协调，配合单位要主动担当作为，形成工作合力，确保各项目标任务落到实处、见到实效。", 2)

func TestHTMLNestedDataTable(t *testing.T) {
	// A data table inside a layout cell stays a table; the layout table
	// around it is flattened.
	page := `<body><table><tr><td>左栏</td><td><p>正文</p><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></td></tr></table>`
	doc := mustRead(t, "n.html", []byte(page))
	if got := texts(doc); !slices.Equal(got, []string{"左栏", "正文", "[table]"}) {
		t.Errorf("got %q", got)
	}
	if got := tables(doc)[0]; !slices.Equal(got[1], []string{"丙", "丁"}) {
		t.Errorf("table %q", got)
	}
}

func TestHTMLDeepNesting(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 100000) + "深处" + strings.Repeat("</div>", 100000)
	doc := mustRead(t, "deep.html", []byte(page))
	if got := texts(doc); !slices.Equal(got, []string{"深处"}) {
		t.Errorf("got %q", got)
	}
}

func TestMetaCharset(t *testing.T) {
	tests := map[string]string{
		`<meta charset="gbk">`:    "gbk",
		`<META CHARSET=GB2312 />`: "gb2312",
		`<meta http-equiv="Content-Type" content="text/html; charset=big5">`: "big5",
		`<?xml version="1.0" encoding="GB18030"?><html>`:                     "gb18030",
		`<meta name="keywords" content="x">`:                                 "",
	}
	for in, want := range tests {
		if got := metaCharset([]byte(in)); got != want {
			t.Errorf("metaCharset(%s) = %q, want %q", in, got, want)
		}
	}
}
