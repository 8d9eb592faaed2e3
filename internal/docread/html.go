package docread

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// readHTML reads a web page saved from a government site, in whatever
// encoding it was saved: its text without menus and page furniture, and
// its data tables as tables.
func readHTML(name string, data []byte) (*Doc, error) {
	s, enc, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	return readHTMLString(name, s, enc)
}

// readHTMLString reads a page already decoded to UTF-8.
func readHTMLString(name, s, enc string) (*Doc, error) {
	blocks, err := htmlBlocks(s)
	if err != nil {
		return nil, err
	}
	return &Doc{Name: name, Format: FormatHTML, Encoding: enc, Blocks: blocks}, nil
}

// decodeHTML picks a page's encoding. Bytes that are valid UTF-8 and not
// plain ASCII are UTF-8 whatever the page declares: browsers re-encode a
// page to UTF-8 when saving it but often leave its old <meta charset>.
// Otherwise the declared charset is used, and without one the bytes are
// sniffed as for a text file.
func decodeHTML(data []byte) (string, string, error) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return string(data), encUTF8, nil
	}
	e, enc, ok := encodingByLabel(metaCharset(data))
	if (!ok || e == nil) && mostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), encUTF8, nil
	}
	if ok && e != nil {
		s, err := decodeLegacy(e, data)
		return s, enc, err
	}
	return decodeBytes(data)
}

// metaCharset finds the charset a page declares in its first 8 KiB:
// <meta charset="gbk">, <meta http-equiv="Content-Type"
// content="text/html; charset=gb2312"> or <?xml … encoding="…"?>.
func metaCharset(data []byte) string {
	if len(data) > 8192 {
		data = data[:8192]
	}
	lower := bytes.ToLower(data)
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		if end := bytes.Index(lower, []byte("?>")); end > 0 {
			if v := attrAfter(lower[:end], "encoding"); v != "" {
				return v
			}
		}
	}
	for rest := lower; ; {
		i := bytes.Index(rest, []byte("<meta"))
		if i < 0 {
			return ""
		}
		rest = rest[i+5:]
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return ""
		}
		if v := attrAfter(rest[:end], "charset"); v != "" {
			return v
		}
		rest = rest[end:]
	}
}

// attrAfter returns the value following key= in tag, without quotes.
func attrAfter(tag []byte, key string) string {
	i := bytes.Index(tag, []byte(key))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(tag[i+len(key):], " \t\r\n")
	if len(v) == 0 || v[0] != '=' {
		return ""
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
	end := bytes.IndexAny(v, "\"'; \t\r\n/>")
	if end >= 0 {
		v = v[:end]
	}
	return string(v)
}
