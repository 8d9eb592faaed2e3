package docread

import (
	"reflect"
	"testing"
)

// A layout table's row of links (the site menu) is dropped; a row with a
// link among plain text is kept.
func TestLayoutMenuRowDropped(t *testing.T) {
	page := `<html><body><table><tr><td><a href="/">网站首页</a></td><td><a href="/x">信息公开</a></td></tr>
<tr><td><p>北塘区2026年为民办实事清单</p><p>详见<a href="/f">附件</a></p>
<table><tr><td>序号</td><td>项目</td></tr><tr><td>1</td><td>新建菜市场</td></tr></table></td></tr></table></body></html>`
	doc := mustRead(t, "p.html", []byte(page))
	want := []string{"北塘区2026年为民办实事清单", "详见附件", "[table]"}
	if got := texts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("texts = %q, want %q", got, want)
	}
}
