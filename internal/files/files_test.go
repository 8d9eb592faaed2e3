package files

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestPutChecksAndKeepsByContent(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pdf := "%PDF-1.7\n进展材料\n"
	a, err := s.Put("材料.pdf", strings.NewReader(pdf))
	if err != nil || a.ContentType != "application/pdf" || a.Size != int64(len(pdf)) {
		t.Fatalf("Put pdf = %+v, %v", a, err)
	}
	b, _ := s.Put("another name.PDF", strings.NewReader(pdf))
	if b.SHA256 != a.SHA256 {
		t.Error("the same content was kept twice")
	}
	f, err := s.Get(a.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if string(got) != pdf {
		t.Errorf("Get = %q", got)
	}
	for name, content := range map[string]string{
		"evil.pdf":  "<script>alert(1)</script>", // extension and content disagree
		"run.exe":   "MZ\x90\x00",
		"page.html": "<html></html>",
		"x.docx":    "not a zip",
	} {
		if _, err := s.Put(name, strings.NewReader(content)); !errors.Is(err, ErrNotAllowed) {
			t.Errorf("Put(%s) = %v, want ErrNotAllowed", name, err)
		}
	}
	if _, err := s.Put("empty.txt", strings.NewReader("")); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty = %v", err)
	}
	big := io.MultiReader(strings.NewReader("%PDF-"), bytes.NewReader(make([]byte, MaxSize)))
	if _, err := s.Put("big.pdf", big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("too large = %v", err)
	}
	if _, err := s.Get("../../etc/passwd"); err == nil {
		t.Error("Get accepted a path")
	}
}
