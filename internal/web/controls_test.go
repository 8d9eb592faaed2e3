package web

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
)

// TestControlWordsInPage: every page carries, in its reader's language,
// the words the script puts on file and date controls in place of the
// browser's "Choose File" and "mm/dd/yyyy".
func TestControlWordsInPage(t *testing.T) {
	for lang, want := range map[i18n.Lang][]string{
		i18n.ZhCN: {`data-file-choose="选择文件"`, `data-file-none="未选择文件"`, `data-file-count="已选择 {n} 个文件"`, `data-date-hint="选择日期：点右侧日历图标，或直接输入"`},
		i18n.ZhTW: {`data-file-choose="選擇檔案"`, `data-file-none="未選擇檔案"`, `data-datetime-hint="選擇日期和時間：點右側日曆圖示，或直接輸入"`},
	} {
		p := Page{Lang: lang, User: &CurrentUser{ID: 1, Username: "ducha", Role: RoleOffice}}
		out := renderSample(t, lang, "error", ErrorPage{Page: p, Status: 404})
		for _, w := range append(want, `<html lang="`+string(lang)+`"`) {
			if !strings.Contains(out, w) {
				t.Errorf("%s: page lacks %s", lang, w)
			}
		}
	}
}
