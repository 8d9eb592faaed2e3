package docread

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// ReadFile reads the named file and recognises its format by content.
// Files over 64 MiB are refused without being read into memory.
func ReadFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Name: path, Reason: reasonCannotRead, Err: err}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxInputSize {
		return nil, newError(path, reasonTooLarge, ErrTooLarge, fmt.Sprintf("docread: %d bytes", fi.Size()))
	}
	// Read through a limit as well: the size may grow, and a named pipe
	// or device has none.
	data, err := io.ReadAll(io.LimitReader(f, maxInputSize+1))
	if err != nil {
		return nil, &Error{Name: path, Reason: reasonCannotRead, Err: err}
	}
	return Read(path, data)
}

// Read recognises the format of data by content and reads it into blocks.
// name is used in messages only: the extension is not trusted, because OA
// systems save workbooks as .doc and web pages as .xls.
//
// The result is an empty Doc for empty data, or else a Doc or an *Error,
// never a panic: each reader is bounded in size, depth and count (see
// limits.go), and a panic inside a third-party reader is turned into an
// *Error as well.
func Read(name string, data []byte) (*Doc, error) {
	if len(data) == 0 {
		return &Doc{Name: name, Format: FormatText}, nil
	}
	if len(data) > maxInputSize {
		return nil, newError(name, reasonTooLarge, ErrTooLarge, fmt.Sprintf("docread: %d bytes", len(data)))
	}
	var format Format
	doc, err := guarded("read", func() (doc *Doc, err error) {
		format, doc, err = dispatch(name, data)
		return doc, err
	})
	if err != nil {
		return nil, classify(name, format, err)
	}
	return doc, nil
}

// errPanic marks an error made from a recovered panic.
var errPanic = errors.New("panic")

// guarded runs read and turns a panic inside it into an error. The readers
// here are meant never to panic, and excelize is not written for hostile
// input; either way one bad file must not bring the server down.
func guarded(what string, read func() (*Doc, error)) (doc *Doc, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("docread: %s: %w: %v", what, errPanic, r)
		}
	}()
	return read()
}

// dispatch sniffs data and hands it to the reader for its format. The
// format is returned even on failure so the error can name it.
func dispatch(name string, data []byte) (Format, *Doc, error) {
	switch {
	case bytes.HasPrefix(data, magicZip), bytes.HasPrefix(data, magicZipEmpty):
		return readZip(name, data)
	case bytes.HasPrefix(data, magicOLE):
		return "", nil, newError(name, oleReason(data), ErrUnsupported, "docread: OLE compound file (Office 97-2003)")
	}
	if reason := refuseKnown(data); reason != "" {
		return "", nil, newError(name, reason, ErrUnsupported, "")
	}
	if s, enc, ok := decodeUnicode(data); ok {
		if looksHTML([]byte(head(s, 4096))) {
			doc, err := readHTMLString(name, s, enc)
			return FormatHTML, doc, err
		}
		if doc, ok := readCSV(name, s, enc); ok {
			return FormatCSV, doc, nil
		}
		doc, err := readText(name, data, s, enc)
		return FormatText, doc, err
	}
	if looksBinary(data) {
		return "", nil, newError(name, reasonBinary, ErrUnsupported, "docread: control characters or NUL bytes")
	}
	if looksHTML(data) {
		doc, err := readHTML(name, data)
		return FormatHTML, doc, err
	}
	s, enc, err := decodeBytes(data)
	if err != nil {
		return FormatText, nil, err
	}
	if doc, ok := readCSV(name, s, enc); ok {
		return FormatCSV, doc, nil
	}
	doc, err := readText(name, data, s, enc)
	return FormatText, doc, err
}

// head returns at most n bytes of s.
func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// classify turns an internal error into the *Error callers get: errors
// that already are one pass through; safety limits keep their own reason;
// anything else means the file is damaged.
func classify(name string, format Format, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var le *limitError
	if errors.As(err, &le) {
		return &Error{Name: name, Reason: le.reason, Err: err}
	}
	if errors.Is(err, errPanic) {
		return &Error{Name: name, Reason: reasonInternal, Err: fmt.Errorf("%w: %w", ErrDamaged, err)}
	}
	reason := reasonTextDamaged
	switch format {
	case FormatDocx:
		reason = reasonDocxDamaged
	case FormatXlsx:
		reason = reasonXlsxDamaged
	case FormatHTML:
		reason = reasonHTMLDamaged
	}
	return &Error{Name: name, Reason: reason, Err: fmt.Errorf("%w: %w", ErrDamaged, err)}
}
