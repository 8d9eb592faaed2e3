package officetest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
	"testing"
)

// CheckDocx fails t unless data is a whole .docx package: a content type
// for every part, word/_rels/document.xml.rels linking the styles,
// settings and font table (without it Word and LibreOffice ignore the
// styles), every link's target present, and the font table naming a
// fallback (w:altName) for 仿宋_GB2312 and 方正小标宋简体. A chart part
// (word/charts/chartN.xml) needs its link and content type too.
func CheckDocx(t testing.TB, name string, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: not a zip: %v", name, err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		parts[f.Name] = string(b)
	}
	var types struct {
		Defaults []struct {
			Extension string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:",attr"`
			ContentType string `xml:",attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal([]byte(parts["[Content_Types].xml"]), &types); err != nil {
		t.Fatalf("%s: [Content_Types].xml: %v", name, err)
	}
	override := map[string]string{}
	for _, o := range types.Overrides {
		override[strings.TrimPrefix(o.PartName, "/")] = o.ContentType
	}
	rels := relationships(t, name, parts, "word/_rels/document.xml.rels")
	wantRel := map[string]string{"styles": "styles.xml", "settings": "settings.xml", "fontTable": "fontTable.xml"}
	for kind, target := range wantRel {
		if rels[kind] != target {
			t.Errorf("%s: word/_rels/document.xml.rels links %s to %q, want %q (links: %v)", name, kind, rels[kind], target, rels)
		}
	}
	for _, target := range rels {
		part := path.Join("word", target)
		if _, ok := parts[part]; !ok {
			t.Errorf("%s: the document links %s, which the package lacks", name, part)
		}
		// word/charts/chart2.xml is a …drawingml.chart+xml
		kind := strings.TrimRight(path.Base(strings.TrimSuffix(part, ".xml")), "0123456789")
		if !strings.HasSuffix(override[part], "."+kind+"+xml") {
			t.Errorf("%s: [Content_Types].xml gives %s the type %q", name, part, override[part])
		}
	}
	if override["word/document.xml"] != "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" {
		t.Errorf("%s: word/document.xml has the type %q", name, override["word/document.xml"])
	}
	if relationships(t, name, parts, "_rels/.rels")["officeDocument"] != "word/document.xml" {
		t.Errorf("%s: _rels/.rels does not point at word/document.xml", name)
	}
	var fonts struct {
		Fonts []struct {
			Name    string `xml:"name,attr"`
			AltName struct {
				Val string `xml:"val,attr"`
			} `xml:"altName"`
		} `xml:"font"`
	}
	if err := xml.Unmarshal([]byte(parts["word/fontTable.xml"]), &fonts); err != nil {
		t.Fatalf("%s: word/fontTable.xml: %v", name, err)
	}
	alt := map[string]string{}
	for _, f := range fonts.Fonts {
		alt[f.Name] = f.AltName.Val
	}
	for font, want := range map[string]string{"仿宋_GB2312": "仿宋", "方正小标宋简体": "华文中宋", "黑体": "SimHei"} {
		if alt[font] != want {
			t.Errorf("%s: the font table gives %s the fallback %q, want %q", name, font, alt[font], want)
		}
	}
}

// relationships reads a .rels part: the last word of each type → target.
func relationships(t testing.TB, name string, parts map[string]string, part string) map[string]string {
	t.Helper()
	body, ok := parts[part]
	if !ok {
		t.Fatalf("%s lacks %s", name, part)
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:",attr"`
			Target string `xml:",attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal([]byte(body), &rels); err != nil {
		t.Fatalf("%s: %s: %v", name, part, err)
	}
	m := map[string]string{}
	for _, r := range rels.Rel {
		m[path.Base(r.Type)] = r.Target
	}
	return m
}
