package cryptosuite

import (
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	"github.com/emmansun/gmsm/sm3"
	"github.com/emmansun/gmsm/sm4"
)

// KeySize is the data key's length: SM4 keys are 128 bits.
const KeySize = 16

// sealedPrefix marks a value sealed by the GM suite, with its version, so
// that a value stored in the clear is never mistaken for ciphertext.
const sealedPrefix = "sm4gcm1:"

type gm struct {
	aead     cipher.AEAD // nil without a key
	indexKey []byte
}

func newGM(key []byte) (Suite, error) {
	if key == nil {
		return gm{}, nil
	}
	if len(key) != KeySize {
		return nil, fmt.Errorf("cryptosuite: the SM4 data key must be %d bytes, not %d", KeySize, len(key))
	}
	block, err := sm4.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("cryptosuite: SM4: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("cryptosuite: SM4-GCM: %w", err)
	}
	// The index has its own key, derived from the data key, so that the
	// one key never serves two algorithms.
	mac := hmac.New(sm3.New, key)
	mac.Write([]byte("duban blind index v1"))
	return gm{aead: aead, indexKey: mac.Sum(nil)}, nil
}

func (gm) Name() string       { return NameGM }
func (gm) NewHash() hash.Hash { return sm3.New() }
func (gm) Encrypts() bool     { return true }

func (g gm) Seal(field, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if g.aead == nil {
		return "", ErrNoKey
	}
	nonce := make([]byte, g.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("cryptosuite: nonce: %w", err)
	}
	out := g.aead.Seal(nonce, nonce, []byte(s), []byte(field))
	return sealedPrefix + base64.RawStdEncoding.EncodeToString(out), nil
}

func (g gm) Open(field, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if g.aead == nil {
		return "", ErrNoKey
	}
	body, ok := strings.CutPrefix(s, sealedPrefix)
	if !ok {
		return "", fmt.Errorf("cryptosuite: %s is not SM4-sealed (字段未加密，疑被改动)", field)
	}
	raw, err := base64.RawStdEncoding.DecodeString(body)
	n := g.aead.NonceSize()
	if err != nil || len(raw) < n+g.aead.Overhead() {
		return "", fmt.Errorf("cryptosuite: %s: damaged ciphertext (密文损坏)", field)
	}
	plain, err := g.aead.Open(nil, raw[:n], raw[n:], []byte(field))
	if err != nil {
		return "", fmt.Errorf("cryptosuite: %s does not open with this key: wrong data key or altered value (数据密钥不符或密文被改动)", field)
	}
	return string(plain), nil
}

func (g gm) Index(field, v string) string {
	if v == "" || g.indexKey == nil {
		return ""
	}
	mac := hmac.New(sm3.New, g.indexKey)
	mac.Write([]byte(field))
	mac.Write([]byte{0})
	mac.Write([]byte(v))
	return hex.EncodeToString(mac.Sum(nil))
}
