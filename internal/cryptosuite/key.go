package cryptosuite

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// NewKey makes a fresh random data key, hex-encoded as a key file holds it.
func NewKey() (string, error) {
	k := make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		return "", fmt.Errorf("cryptosuite: new key: %w", err)
	}
	return hex.EncodeToString(k), nil
}

// ReadKeyFile reads a data key: 32 hexadecimal digits (what `duban keygen`
// and `openssl rand -hex 16` write), surrounding white space ignored. A
// file others may read is refused (ReadPrivateFile).
func ReadKeyFile(path string) ([]byte, error) {
	b, err := ReadPrivateFile(path)
	if err != nil {
		return nil, err
	}
	k, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(k) != KeySize {
		return nil, fmt.Errorf("cryptosuite: data key %s must hold %d hexadecimal digits (a 128-bit SM4 key) (数据密钥格式不对)", path, 2*KeySize)
	}
	return k, nil
}

// ReadPrivateFile reads a key file (the data key, the audit signing key),
// refusing one that other users may read: a key is worth what its file's
// protection is.
func ReadPrivateFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cryptosuite: key file: %w", err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("cryptosuite: key file %s can be read by other users (mode %v): chmod 600 it (密钥文件权限过宽)", path, fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cryptosuite: key file: %w", err)
	}
	return b, nil
}
