package docread

import (
	"errors"
	"fmt"
)

// Error is a failure to read a document. It names the file and says what
// was wrong and what was expected, in words an office clerk can act on.
type Error struct {
	Name   string // the file
	Reason string // what was wrong, in Chinese and English
	Err    error  // the underlying error, if any
}

// Error formats the failure as "file: reason: detail".
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Name, e.Reason, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Name, e.Reason)
}

// Unwrap returns the underlying error, so that errors.Is can test an
// *Error against ErrUnsupported, ErrTooLarge and ErrDamaged.
func (e *Error) Unwrap() error { return e.Err }

// The kinds of failure an *Error wraps. Callers that only need to know
// "wrong kind of file" versus "file too big" versus "file broken" test for
// these with errors.Is rather than parse the Reason text.
var (
	// ErrUnsupported: the content is not txt, docx, xlsx or html (legacy
	// Office, PDF, an image, another kind of zip, binary data).
	ErrUnsupported = errors.New("docread: unsupported format")
	// ErrTooLarge: the input or something inside it passes a safety limit
	// (size, inflated size, nesting depth, number of entries, rows or cells).
	ErrTooLarge = errors.New("docread: safety limit exceeded")
	// ErrDamaged: the content claims to be a known format but is broken
	// or truncated.
	ErrDamaged = errors.New("docread: damaged or truncated")
)

// Reasons shown to users. Chinese first, because the users are Chinese
// offices; English after, for the logs and for the developers.
const (
	reasonExpected     = "应为 .txt、.docx、.xlsx 或网页 .html 文件 (expected txt, docx, xlsx or html)"
	reasonTooLarge     = "文件过大，超过 64 MiB 上限 (file exceeds the 64 MiB limit)"
	reasonLimit        = "文件内容超出安全上限，可能已损坏或是恶意文件 (content exceeds a safety limit; the file may be damaged or hostile)"
	reasonDocxDamaged  = ".docx 文件已损坏或不完整，请用 Word/WPS 打开后重新保存 (the .docx is damaged or truncated; open and save it again)"
	reasonXlsxDamaged  = ".xlsx 文件已损坏或不完整，请用 Excel/WPS 打开后重新保存 (the .xlsx is damaged or truncated; open and save it again)"
	reasonHTMLDamaged  = "网页文件无法解析 (the web page cannot be parsed)"
	reasonTextDamaged  = "文本文件无法解码 (the text file cannot be decoded)"
	reasonInternal     = "读取文件时发生内部错误，请把文件交给管理员 (internal error while reading; please pass the file to an administrator)"
	reasonUnknownZip   = "压缩包既不是 .docx 也不是 .xlsx，" + reasonExpected + " (zip archive that is neither docx nor xlsx)"
	reasonBinary       = "无法识别的二进制内容，" + reasonExpected + " (unrecognised binary content)"
	reasonCannotRead   = "无法读取文件 (cannot read the file)"
	reasonZipTooMany   = "压缩包内文件数量过多，可能是恶意文件 (the zip has too many entries; it may be hostile)"
	reasonZipBomb      = "文件解压后过大，可能是压缩炸弹 (a part inflates beyond the safety limit; possibly a zip bomb)"
	reasonTooDeep      = "XML 嵌套层数过深，可能是恶意文件 (XML nested too deep; the file may be hostile)"
	reasonTooManyItems = "文件包含的行、段落或单元格过多 (too many lines, paragraphs or cells)"
)

// newError builds the *Error returned to callers; kind is one of the
// exported sentinels and detail says precisely what was found.
func newError(name, reason string, kind error, detail string) *Error {
	if detail == "" {
		return &Error{Name: name, Reason: reason, Err: kind}
	}
	return &Error{Name: name, Reason: reason, Err: fmt.Errorf("%w: %s", kind, detail)}
}
