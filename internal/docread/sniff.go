package docread

import (
	"bytes"
	"unicode/utf16"
)

// Magic numbers of the containers we recognise before looking at text.
var (
	magicZip      = []byte("PK\x03\x04")
	magicZipEmpty = []byte("PK\x05\x06")
	magicOLE      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// refusal describes content we recognise but do not read.
type refusal struct {
	magic  []byte
	reason string
}

// refusals are formats people send instead of the document itself: a scan,
// a PDF print-out, an RTF export. Naming the format tells the clerk what to
// do; "binary garbage" would not.
var refusals = []refusal{
	{[]byte("%PDF-"), "这是 PDF 文件，无法读取其中的文字；请提供 Word/Excel 原件，" + reasonExpected + " (PDF is not supported)"},
	{[]byte("\x89PNG\r\n\x1a\n"), "这是 PNG 图片，" + reasonExpected + " (an image is not supported)"},
	{[]byte{0xFF, 0xD8, 0xFF}, "这是 JPEG 图片，" + reasonExpected + " (an image is not supported)"},
	{[]byte("GIF8"), "这是 GIF 图片，" + reasonExpected + " (an image is not supported)"},
	{[]byte("II*\x00"), "这是 TIFF 图片，" + reasonExpected + " (an image is not supported)"},
	{[]byte("MM\x00*"), "这是 TIFF 图片，" + reasonExpected + " (an image is not supported)"},
	{[]byte(`{\rtf`), "这是 RTF 文件，请用 Word/WPS 另存为 .docx (RTF is not supported; save as .docx)"},
	{[]byte("Rar!\x1a\x07"), "这是 RAR 压缩包，请先解压，" + reasonExpected + " (a RAR archive is not supported)"},
	{[]byte("7z\xbc\xaf\x27\x1c"), "这是 7z 压缩包，请先解压，" + reasonExpected + " (a 7z archive is not supported)"},
	{[]byte{0x1F, 0x8B}, "这是 gzip 压缩文件，请先解压，" + reasonExpected + " (a gzip file is not supported)"},
}

// refuseKnown returns the reason for a format we recognise by its magic
// number and refuse, or "" for anything else.
func refuseKnown(data []byte) string {
	for _, r := range refusals {
		if bytes.HasPrefix(data, r.magic) {
			return r.reason
		}
	}
	return ""
}

// oleReason tells which legacy Office format an OLE compound file holds.
// Stream names are stored as UTF-16LE in the directory sectors, so a byte
// search finds them without parsing the container — cheap, and nothing a
// hostile file can make panic.
func oleReason(data []byte) string {
	has := func(stream string) bool { return bytes.Contains(data, utf16le(stream)) }
	const saveAs = "，请用 Word/Excel 或 WPS 打开后另存为 .docx/.xlsx 再导入"
	switch {
	case has("EncryptedPackage"):
		return "文件设有打开密码（已加密），无法读取；请去除密码后另存为 .docx/.xlsx (the file is password-protected; remove the password and save as .docx/.xlsx)"
	case has("WordDocument"):
		return "这是旧版 Word 97-2003 (.doc) 文件，不支持" + saveAs + " (legacy Word 97-2003 .doc is not supported; save it as .docx)"
	case has("PowerPoint Document"):
		return "这是旧版 PowerPoint (.ppt) 文件，不支持；" + reasonExpected + " (PowerPoint is not supported)"
	case has("Workbook"), has("Book"):
		return "这是旧版 Excel 97-2003 (.xls) 文件，不支持" + saveAs + " (legacy Excel 97-2003 .xls is not supported; save it as .xlsx)"
	}
	return "这是旧版 Office 97-2003 文件（.doc/.xls），不支持" + saveAs + " (legacy Word 97-2003 .doc / Excel .xls is not supported; save as .docx/.xlsx)"
}

func utf16le(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return b
}

// looksBinary reports whether data (in an ASCII-compatible encoding) holds
// control characters no text file has. Only a prefix is examined: enough
// to tell a text file from an executable or an image, and constant time.
func looksBinary(data []byte) bool {
	sample := data
	if len(sample) > 1<<20 {
		sample = sample[:1<<20]
	}
	bad := 0
	for _, c := range sample {
		if c < 0x20 && !textControl[c] || c == 0x7F {
			bad++
		}
	}
	// A stray control character or two happens in real files (a form feed
	// from an old printer export); a few percent does not.
	if bad == 0 {
		return false
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return bad*1000 >= len(sample)
	}
	return bad*100 >= len(sample)
}

// textControl marks the control characters that do appear in text files:
// tab, line feed, vertical tab (Word's manual line break when pasted),
// form feed, carriage return, SUB (DOS end-of-file) and ESC.
var textControl = [32]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0x1A: true, 0x1B: true}

// looksHTML reports whether text (already decoded, or ASCII-compatible
// bytes) is a web page: it starts, after a BOM and white space, with a tag,
// and an <html>, <head>, <body>, <meta> or <table> tag appears early. The
// last catches OA exports that save an HTML table under a .xls name.
func looksHTML(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<title"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}
