package plandoc

import (
	"reflect"
	"testing"
)

// The download list and buttons under a plan copied from a web page are no
// part of the plan; the same buttons above it end nothing.
func TestWebPageTailEndsBody(t *testing.T) {
	p := parseProse(t, `【打印】【关闭】
某镇2026年农村道路养护工作要点
（一）开展农村公路日常养护，优良路率达到80%以上。（责任单位：镇交管站）
（二）每季度开展一次桥梁安全检查。（责任单位：镇交管站）
附件下载：
1.某镇2026年农村道路养护工作要点.pdf
上一篇：无`)
	if want := []string{"(一)", "(二)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}
