package docread

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

// tok is one XML token as the OOXML readers need it: element names by
// local name (w:p and a default-namespace p alike), attributes, and
// character data that stays valid only until the next token.
type tok struct {
	start, end bool
	name       string
	space      string
	attrs      []xml.Attr
	text       []byte
}

// attr returns the value of the attribute with the given local name.
func (t tok) attr(local string) string {
	for _, a := range t.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// walkXML streams the XML in r to fn, token by token, without building a
// tree, and fails once elements nest deeper than maxXMLDepth. part names
// the zip entry in errors.
func walkXML(r io.Reader, part string, fn func(tok) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var src io.Reader = br
	// OPC allows UTF-16 parts. encoding/xml reads only UTF-8, so a part
	// with a UTF-16 byte-order mark is transcoded first.
	if bom, _ := br.Peek(2); bytes.Equal(bom, []byte{0xFF, 0xFE}) || bytes.Equal(bom, []byte{0xFE, 0xFF}) {
		src = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder().Reader(br)
	}
	d := xml.NewDecoder(src)
	d.CharsetReader = charsetReader
	depth := 0
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var le *limitError
			if errors.As(err, &le) {
				return err
			}
			return fmt.Errorf("docread: parse %s: %w", part, err)
		}
		var k tok
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return errTooDeep(part)
			}
			k = tok{start: true, name: t.Name.Local, space: t.Name.Space, attrs: t.Attr}
		case xml.EndElement:
			depth--
			k = tok{end: true, name: t.Name.Local, space: t.Name.Space}
		case xml.CharData:
			k = tok{text: t}
		default:
			continue
		}
		if err := fn(k); err != nil {
			return err
		}
	}
}

// charsetReader lets encoding/xml read parts that declare an encoding
// other than UTF-8. UTF-16 was already transcoded by walkXML, so its
// declaration is taken as read.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	l := strings.ToLower(label)
	if strings.HasPrefix(l, "utf-16") || l == "unicode" {
		return in, nil
	}
	e, err := htmlindex.Get(l)
	if err != nil {
		return nil, fmt.Errorf("docread: XML encoding %q: %w", label, err)
	}
	return e.NewDecoder().Reader(in), nil
}
