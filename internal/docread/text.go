package docread

import (
	"strings"
	"unicode/utf8"
)

// readText reads plain text: each line one block. data is neither empty
// nor binary; decoded and enc are its decoding when decodeUnicode
// recognised it, and empty otherwise.
func readText(name string, data []byte, decoded, enc string) (*Doc, error) {
	doc := &Doc{Name: name, Format: FormatText, Encoding: enc}
	s := decoded
	if enc == "" {
		var err error
		if s, doc.Encoding, err = decodeBytes(data); err != nil {
			return nil, err
		}
	}
	blocks, err := lineBlocks(s)
	if err != nil {
		return nil, err
	}
	doc.Blocks = blocks
	return doc, nil
}

// decodeBytes decodes ASCII-compatible bytes: valid UTF-8 is taken as
// UTF-8 (GBK text of any length is almost never valid UTF-8), anything else
// as GB18030 or, when the byte pairs say so, Big5.
func decodeBytes(data []byte) (string, string, error) {
	if utf8.Valid(data) {
		return string(data), encUTF8, nil
	}
	if mostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), encUTF8, nil
	}
	e, enc := sniffLegacy(data)
	s, err := decodeLegacy(e, data)
	if err != nil {
		return "", "", err
	}
	return s, enc, nil
}

// lineBlocks splits s into one block per line. Lines end in "\n", "\r\n"
// or, in files from old Macs, a lone "\r". A final line end does not start
// another line. The blocks share s's memory, so a 50 MB single line costs
// one copy, and the work is linear.
func lineBlocks(s string) ([]Block, error) {
	s = strings.TrimPrefix(s, "\uFEFF")
	if s == "" {
		return nil, nil
	}
	sep := "\n"
	if !strings.Contains(s, "\n") && strings.Contains(s, "\r") {
		sep = "\r"
	}
	s = strings.TrimSuffix(s, sep)
	n := strings.Count(s, sep) + 1
	if n > maxBlocks {
		return nil, errTooMany("lines", maxBlocks)
	}
	blocks := make([]Block, 0, n)
	for line := range strings.SplitSeq(s, sep) {
		blocks = append(blocks, Block{Text: strings.TrimRight(line, "\r")})
	}
	return blocks, nil
}
