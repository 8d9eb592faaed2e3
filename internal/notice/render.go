package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/duban/duban/internal/docx"
)

// maxPart bounds one part of a template read into memory: a notice is a
// page, and a zip bomb must not take the server with it.
const maxPart = 8 << 20

var (
	paragraphRe   = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	textRe        = regexp.MustCompile(`(?s)(<w:t(?:\s[^>]*)?>)(.*?)</w:t>`)
	placeholderRe = regexp.MustCompile(`\{\{\s*([^{}]+?)\s*\}\}`)
)

// TemplateError says a template cannot be used, and why, in Chinese.
type TemplateError struct{ Message string }

func (e *TemplateError) Error() string { return "督办通知书模板：" + e.Message }

// Render fills template (a .docx) with f and returns the new .docx. Every
// placeholder must be known: a typo in an office's template is an error
// that names it, not a notice with a hole.
func Render(template []byte, f Fields) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, &TemplateError{"不是 .docx 文件（无法按 zip 读取）"}
	}
	values := f.placeholders()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	names := map[string]bool{}
	for _, zf := range zr.File {
		names[zf.Name] = true
		data, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		if isTextPart(zf.Name) {
			found = found || zf.Name == "word/document.xml"
			if data, err = fill(data, values); err != nil {
				return nil, err
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zf.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, &TemplateError{"缺少 word/document.xml，不是 Word 文档"}
	}
	if rels := missingRels(names); rels != "" {
		w, err := zw.Create("word/_rels/document.xml.rels")
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(rels)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// missingRels is the word/_rels/document.xml.rels a template without one
// needs (a notice saved by an earlier duban lacked it, so that its styles
// went unread): the links to the parts it has. Empty where it has one.
func missingRels(names map[string]bool) string {
	if names["word/_rels/document.xml.rels"] {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, p := range []string{"styles", "settings", "fontTable", "numbering"} {
		if names["word/"+p+".xml"] {
			fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s.xml"/>`, i+1, p, p)
		}
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// isTextPart: the body, headers and footers carry text to fill.
func isTextPart(name string) bool {
	return name == "word/document.xml" ||
		(strings.HasPrefix(name, "word/header") || strings.HasPrefix(name, "word/footer")) && strings.HasSuffix(name, ".xml")
}

func readPart(zf *zip.File) ([]byte, error) {
	if zf.UncompressedSize64 > maxPart {
		return nil, &TemplateError{fmt.Sprintf("%s 超过 %d MB", zf.Name, maxPart>>20)}
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, &TemplateError{fmt.Sprintf("%s 无法读取：%v", zf.Name, err)}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil || len(data) > maxPart {
		return nil, &TemplateError{fmt.Sprintf("%s 无法读取", zf.Name)}
	}
	return data, nil
}

// fill replaces the placeholders of every paragraph. A paragraph whose
// text holds one gets its whole text in its first run, the other runs
// emptied: the placeholder may have been split across runs by the editor.
func fill(part []byte, values map[string]string) ([]byte, error) {
	var failure error
	res := paragraphRe.ReplaceAllFunc(part, func(p []byte) []byte {
		texts := textRe.FindAllSubmatch(p, -1)
		var whole strings.Builder
		for _, m := range texts {
			whole.WriteString(unescape(string(m[2])))
		}
		if !strings.Contains(whole.String(), "{{") {
			return p
		}
		filled := placeholderRe.ReplaceAllStringFunc(whole.String(), func(ph string) string {
			name := placeholderRe.FindStringSubmatch(ph)[1]
			v, ok := values[name]
			if !ok && failure == nil {
				failure = &TemplateError{fmt.Sprintf("未知的占位符 {{%s}}；可用：%s", name, strings.Join(Placeholders(), "、"))}
			}
			return v
		})
		first := true
		return textRe.ReplaceAllFunc(p, func([]byte) []byte {
			if !first {
				return []byte(`<w:t></w:t>`)
			}
			first = false
			return []byte(`<w:t xml:space="preserve">` + docx.Escape(filled) + `</w:t>`)
		})
	})
	return res, failure
}

func unescape(s string) string {
	var v struct {
		Text string `xml:",chardata"`
	}
	if err := xml.Unmarshal([]byte("<t>"+s+"</t>"), &v); err != nil {
		return s
	}
	return v.Text
}
