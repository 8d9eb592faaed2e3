package notify

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"mime"
	"net/mail"
	"strings"
	"time"
)

// composeMIME builds the RFC 5322 message: headers with the Subject as an
// RFC 2047 encoded word, and a UTF-8 text/plain body in base64, which keeps
// Chinese text intact through any relay that is not 8BITMIME-clean.
func composeMIME(from *mail.Address, to []*mail.Address, m Message, now time.Time) ([]byte, error) {
	if strings.ContainsAny(m.Title, "\r\n") {
		return nil, errors.New("title contains a line break")
	}
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", from.String())
	tos := make([]string, len(to))
	for i, a := range to {
		tos[i] = a.String()
	}
	header("To", strings.Join(tos, ", "))
	header("Subject", mime.BEncoding.Encode("utf-8", m.Title))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(m.Key, from.Address))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")

	body := strings.ReplaceAll(m.Text, "\r\n", "\n")
	if m.Link != "" {
		body += "\n\n" + m.Link
	}
	body = strings.ReplaceAll(body, "\n", "\r\n") + "\r\n"
	enc := base64.StdEncoding.EncodeToString([]byte(body))
	// RFC 2045 limits encoded lines to 76 characters.
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes(), nil
}

// messageID derives the Message-ID from the Key, so that a resend after a
// crash carries the same ID and mail clients and archives that deduplicate
// on it show the notice once.
func messageID(key, from string) string {
	sum := sha256.Sum256([]byte(key))
	domain := "duban.invalid"
	if i := strings.LastIndexByte(from, '@'); i >= 0 && i < len(from)-1 {
		domain = from[i+1:]
	}
	return "<" + hex.EncodeToString(sum[:16]) + ".duban@" + domain + ">"
}
