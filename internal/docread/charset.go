package docread

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names recorded in Doc.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encGB18030 = "gb18030"
	encBig5    = "big5"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// decodeUnicode decodes data that announces itself as Unicode: a UTF-8 or
// UTF-16 byte-order mark, or UTF-16 without one, recognised by the NUL
// bytes its ASCII characters carry (Notepad's "Unicode" and many Windows
// exports). ok is false when data shows no sign of being Unicode.
func decodeUnicode(data []byte) (s, enc string, ok bool) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		// The BOM says UTF-8; a stray bad byte is replaced, not taken as
		// a sign of some other encoding.
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), encUTF8, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), encUTF16LE, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), encUTF16BE, true
	}
	bigEndian, maybe := utf16ByNULs(data)
	if !maybe {
		return "", "", false
	}
	s = decodeUTF16(data, bigEndian)
	if !plausibleText(s) {
		return "", "", false
	}
	if bigEndian {
		return s, encUTF16BE, true
	}
	return s, encUTF16LE, true
}

// utf16ByNULs looks at where the NUL bytes of a prefix fall. In UTF-16 the
// high byte of every ASCII character is zero, so NULs sit almost only at odd
// offsets (little-endian) or even offsets (big-endian); in binary data they
// fall on both.
func utf16ByNULs(data []byte) (bigEndian, ok bool) {
	sample := data
	if len(sample) > 4096 {
		sample = sample[:4096]
	}
	var even, odd int
	for i, c := range sample {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	switch {
	case odd > 0 && even*4 <= odd:
		return false, true
	case even > 0 && odd*4 <= even:
		return true, true
	}
	return false, false
}

func decodeUTF16(data []byte, bigEndian bool) string {
	order := xunicode.LittleEndian
	if bigEndian {
		order = xunicode.BigEndian
	}
	// The decoder replaces unpaired surrogates and a trailing odd byte
	// with U+FFFD rather than failing, which is what a reader wants.
	out, _ := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(data)
	return string(out)
}

// plausibleText reports whether decoded text is mostly printable: fewer
// than 1% replacement or control characters in its first 64 Ki runes.
func plausibleText(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		if n >= 1<<16 {
			break
		}
		n++
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\v' && r != '\f' ||
			r == 0x7F || unicode.Is(unicode.Cs, r) {
			bad++
		}
	}
	return bad*100 <= n
}

// mostlyUTF8 reports whether data is UTF-8 with a few damaged bytes (a
// file pasted together from several sources, a truncated character):
// many valid multi-byte sequences and few invalid bytes. GBK text almost
// never forms valid UTF-8 sequences, so it does not pass.
func mostlyUTF8(data []byte) bool {
	if len(data) > 1<<20 {
		data = data[:1<<20]
	}
	multi, bad := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		data = data[size:]
	}
	return multi >= 4 && bad*20 <= multi
}

// sniffLegacy picks the encoding of bytes that are not valid UTF-8:
// GB18030 (a superset of GBK and GB2312, what mainland Windows writes)
// unless the byte pairs look like Big5. Big5 puts about 40% of its
// second bytes in 0x40–0x7E and never uses 0x80–0xA0; GB2312 text, the
// bulk of any simplified-Chinese file, has second bytes of 0xA1 and up.
func sniffLegacy(data []byte) (encoding.Encoding, string) {
	sample := data
	if len(sample) > 1<<16 {
		sample = sample[:1<<16]
	}
	pairs, low := 0, 0
	for i := 0; i+1 < len(sample); i++ {
		c := sample[i]
		if c < 0x81 || c == 0xFF {
			continue
		}
		t := sample[i+1]
		if c <= 0xA0 || t >= 0x30 && t <= 0x39 || t >= 0x80 && t <= 0xA0 {
			// GBK-only lead byte, GB18030 four-byte form, or a second
			// byte Big5 never uses.
			return simplifiedchinese.GB18030, encGB18030
		}
		pairs++
		if t >= 0x40 && t <= 0x7E {
			low++
		}
		i++
	}
	if pairs >= 4 && low*4 >= pairs {
		return traditionalchinese.Big5, encBig5
	}
	return simplifiedchinese.GB18030, encGB18030
}

// decodeLegacy decodes data with e; invalid sequences become U+FFFD.
func decodeLegacy(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// encodingByLabel maps a charset label from a web page to an encoding.
// All the GB labels go to GB18030: pages labelled gb2312 routinely hold
// GBK-only characters (人名、地名用字), and GB18030 decodes them all.
func encodingByLabel(label string) (encoding.Encoding, string, bool) {
	label = strings.ToLower(strings.TrimSpace(label))
	switch label {
	case "utf-8", "utf8":
		return nil, encUTF8, true
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "chinese", "csgb2312", "iso-ir-58":
		return simplifiedchinese.GB18030, encGB18030, true
	case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5":
		return traditionalchinese.Big5, encBig5, true
	}
	e, err := htmlindex.Get(label)
	if err != nil || e == nil {
		return nil, "", false
	}
	name, err := htmlindex.Name(e)
	if err != nil {
		name = label
	}
	if name == "utf-8" {
		return nil, encUTF8, true
	}
	if name == "utf-16le" || name == "utf-16be" {
		// A page that says UTF-16 but reached here has no BOM and no NUL
		// pattern, so the label is wrong; fall back to sniffing.
		return nil, "", false
	}
	return e, name, true
}
