package docread

import (
	"strings"
	"unicode"
)

// What a saved government page holds besides the document: menus, a
// banner, breadcrumbs ("当前位置：首页 > 政务公开"), share buttons, a site
// footer with the ICP licence. These rules drop them by element and by the
// names sites give them, and keep the article.

// voidTags never have content or an end tag.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// blockTags start and end a line.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "caption": true,
	"center": true, "dd": true, "details": true, "dialog": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "html": true,
	"legend": true, "li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true, "th": true,
	"thead": true, "tr": true, "ul": true,
}

// skipTags are dropped with their content. <form> is not among them:
// ASP.NET sites wrap the whole page in one; its controls are dropped
// instead.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true, "nav": true, "template": true,
	"svg": true, "object": true, "select": true, "button": true, "textarea": true, "option": true,
	"optgroup": true, "datalist": true, "head": true, "title": true, "aside": true, "canvas": true,
	"map": true, "audio": true, "video": true, "menu": true, "noembed": true, "noframes": true,
}

// badWords in an id or class mark page furniture.
var badWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menubar": true, "submenu": true,
	"mainmenu": true, "topmenu": true, "header": true, "head": true, "footer": true, "foot": true,
	"bottom": true, "breadcrumb": true, "breadcrumbs": true, "crumb": true, "crumbs": true,
	"location": true, "dqwz": true, "share": true, "bdshare": true, "sharebar": true, "social": true,
	"sidebar": true, "sidenav": true, "side": true, "topbar": true, "toolbar": true, "copyright": true,
	"banner": true, "login": true, "search": true, "skip": true, "top": true, "topnav": true,
	"links": true, "friendlink": true, "yqlj": true, "sitemap": true,
}

// goodWords in the same id or class keep an element that also has a bad
// word: "article-header" holds the title, "main-content" the text.
var goodWords = map[string]bool{
	"article": true, "content": true, "detail": true, "title": true, "text": true,
	"zoom": true, "body": true, "con": true, "info": true,
}

// skipRoles are ARIA landmark roles of page furniture.
var skipRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true, "menu": true, "menubar": true,
}

// skipElement decides whether an element is page furniture.
func (w *htmlWalker) skipElement(tag string, attrs map[string]string) bool {
	if skipTags[tag] {
		return true
	}
	switch tag {
	case "html", "body", "main", "article":
		return false
	case "header", "footer":
		// Inside an article they are the article's own title and notes.
		return w.article == 0
	}
	if attrs == nil {
		return false
	}
	if _, ok := attrs["hidden"]; ok || attrs["aria-hidden"] == "true" {
		return true
	}
	style := strings.ToLower(strings.Join(strings.Fields(attrs["style"]), ""))
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	if skipRoles[strings.ToLower(attrs["role"])] {
		return true
	}
	bad := false
	for _, word := range nameWords(attrs["id"] + " " + attrs["class"]) {
		if goodWords[word] {
			return false
		}
		bad = bad || badWords[word]
	}
	return bad
}

// nameWords splits ids and class names into lower-case words at
// punctuation, digits and camelCase humps: "topNav2" → top, nav.
func nameWords(s string) []string {
	var words []string
	var cur []rune
	emit := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) && len(cur) > 0 && unicode.IsLower(cur[len(cur)-1]):
			emit()
			cur = append(cur, r)
		case unicode.IsLetter(r):
			cur = append(cur, r)
		default:
			emit()
		}
	}
	emit()
	return words
}
