// Package files keeps uploaded evidence (progress reports' attachments,
// 销号 materials) on disk by content: a file is stored once under its
// SHA-256, in a folder of the data directory, and never under a name the
// uploader chose — so no upload can overwrite another or escape the folder.
// It checks what an upload is before keeping it: an allowed kind by both
// its name and its first bytes, and not too large. Since a file's name is
// its content's hash, a copy (CopyTree, for backups and restores) checks
// every file as it goes, and files no record names are swept at start.
// When several instances serve one PostgreSQL the store is shared
// (Share): the files are kept in the database, and the folder holds only
// uploads in progress and the files kept before.
package files

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// MaxSize is the largest attachment accepted.
const MaxSize = 20 << 20

// Errors for the uploader, in Chinese and English.
var (
	ErrTooLarge   = fmt.Errorf("附件超过 %d MB (attachment too large)", MaxSize>>20)
	ErrNotAllowed = errors.New("附件类型不允许：请上传 PDF、Word、Excel、OFD、图片或文本文件 (file type not allowed)")
	ErrEmpty      = errors.New("附件为空 (empty file)")
)

// DirIn is the attachments folder of a data folder.
func DirIn(dataDir string) string { return filepath.Join(dataDir, "attachments") }

// Store is a folder of files kept by content, or, when shared (Share),
// a place in the database every instance reads, with the folder for the
// uploads in progress and the files kept before.
type Store struct {
	dir    string
	shared Shared
}

// Open returns the store in dir, creating the folder.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Saved is what Put learnt of a kept file.
type Saved struct {
	SHA256      string
	Size        int64
	ContentType string
}

// Put checks and keeps the upload named name, read from r.
func (s *Store) Put(name string, r io.Reader) (Saved, error) {
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Saved{}, fmt.Errorf("files: read %s: %w", name, err)
	}
	head = head[:n]
	if n == 0 {
		return Saved{}, ErrEmpty
	}
	ctype, err := Check(name, head)
	if err != nil {
		return Saved{}, err
	}
	tmp, err := os.CreateTemp(s.dir, ".upload-*")
	if err != nil {
		return Saved{}, fmt.Errorf("files: %w", err)
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	size, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(io.MultiReader(bytes.NewReader(head), r), MaxSize+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Saved{}, fmt.Errorf("files: write %s: %w", name, err)
	}
	if size > MaxSize {
		return Saved{}, ErrTooLarge
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if s.shared != nil {
		if err := s.putShared(tmp.Name(), sum, size); err != nil {
			return Saved{}, fmt.Errorf("files: keep %s: %w", name, err)
		}
		return Saved{SHA256: sum, Size: size, ContentType: ctype}, nil
	}
	dst := s.path(sum)
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return Saved{}, fmt.Errorf("files: %w", err)
	}
	if _, err := os.Stat(dst); err != nil { // the same content is kept once
		if err := os.Rename(tmp.Name(), dst); err != nil {
			return Saved{}, fmt.Errorf("files: keep %s: %w", name, err)
		}
	} else {
		// Kept before, perhaps by an upload whose record never came:
		// touch it, so that Sweep takes it for the upload in flight it is.
		now := time.Now()
		if err := os.Chtimes(dst, now, now); err != nil {
			return Saved{}, fmt.Errorf("files: keep %s: %w", name, err)
		}
	}
	return Saved{SHA256: sum, Size: size, ContentType: ctype}, nil
}

// Get opens a kept file by its SHA-256; the caller closes it.
func (s *Store) Get(sum string) (io.ReadSeekCloser, error) {
	if !isSum(sum) {
		return nil, fmt.Errorf("files: bad id %q: %w", sum, os.ErrNotExist)
	}
	if s.shared != nil {
		return s.getShared(sum)
	}
	return os.Open(s.path(sum))
}

func (s *Store) path(sum string) string { return filepath.Join(s.dir, sum[:2], sum) }

// allowed maps an extension to the content type it is served with and the
// sniffed types its first bytes may show.
var allowed = map[string]struct {
	ctype string
	magic func(head []byte) bool
}{
	".pdf":  {"application/pdf", prefix("%PDF-")},
	".ofd":  {"application/ofd", zipMagic},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", zipMagic},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zipMagic},
	".doc":  {"application/msword", oleMagic},
	".xls":  {"application/vnd.ms-excel", oleMagic},
	".jpg":  {"image/jpeg", prefix("\xff\xd8\xff")},
	".jpeg": {"image/jpeg", prefix("\xff\xd8\xff")},
	".png":  {"image/png", prefix("\x89PNG\r\n\x1a\n")},
	".txt":  {"text/plain; charset=utf-8", isText},
}

// Check says whether an upload named name starting with head is a kind
// duban keeps, and returns the content type to serve it with. The name's
// extension and the first bytes must agree: a script renamed .pdf is refused.
func Check(name string, head []byte) (string, error) {
	a, ok := allowed[strings.ToLower(filepath.Ext(name))]
	if !ok || !a.magic(head) {
		return "", ErrNotAllowed
	}
	return a.ctype, nil
}

func prefix(p string) func([]byte) bool {
	return func(h []byte) bool { return bytes.HasPrefix(h, []byte(p)) }
}

var (
	zipMagic = prefix("PK\x03\x04")
	oleMagic = prefix("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
)

func isText(h []byte) bool {
	return strings.HasPrefix(http.DetectContentType(h), "text/plain")
}
