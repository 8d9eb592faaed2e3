package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

// TestCryptoKeys: crypto defaults to the default suite; gm needs a key
// file, and one outside the data folder.
func TestCryptoKeys(t *testing.T) {
	load := func(env map[string]string, args ...string) (Config, error) {
		t.Helper()
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c, _, err := Load(fs, args, func(k string) string { return env[k] })
		return c, err
	}
	if c, err := load(nil); err != nil || c.Crypto != "default" || c.DataKeyFile != "" {
		t.Errorf("defaults: %q %q %v", c.Crypto, c.DataKeyFile, err)
	}
	if c, err := load(map[string]string{"DUBAN_CRYPTO": "gm", "DUBAN_DATA_KEY_FILE": "/etc/duban/sm4.key"}, "--data", "/var/lib/duban"); err != nil ||
		c.Crypto != "gm" || c.DataKeyFile != "/etc/duban/sm4.key" {
		t.Errorf("from the environment: %q %q %v", c.Crypto, c.DataKeyFile, err)
	}
	for _, bad := range []struct {
		args []string
		key  string
	}{
		{[]string{"--crypto", "sm9"}, "crypto"},
		{[]string{"--crypto", "gm"}, "data_key_file"},
		{[]string{"--crypto", "gm", "--data", "/var/lib/duban", "--data-key-file", "/var/lib/duban/keys/sm4.key"}, "数据目录"},
		{[]string{"--crypto", "gm", "--data", "/var/lib/duban", "--data-key-file", "/var/lib/duban"}, "数据目录"},
		{[]string{"--data-key-file", "/etc/duban/sm4.key"}, "data_key_file"},
	} {
		if _, err := load(nil, bad.args...); err == nil || !strings.Contains(err.Error(), bad.key) {
			t.Errorf("%v: %v, want a message naming %s", bad.args, err, bad.key)
		}
	}
	if _, err := load(nil, "--crypto", "gm", "--data", "/var/lib/duban", "--data-key-file", "/var/lib/duban-keys/sm4.key"); err != nil {
		t.Errorf("a key beside (not inside) the data folder: %v", err)
	}
}

// TestAuditSigningKeyFile: the audit signing key is optional and, like the
// data key, refused inside the data folder.
func TestAuditSigningKeyFile(t *testing.T) {
	load := func(env map[string]string, args ...string) (Config, error) {
		t.Helper()
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c, _, err := Load(fs, args, func(k string) string { return env[k] })
		return c, err
	}
	if c, err := load(map[string]string{"DUBAN_AUDIT_SIGNING_KEY_FILE": "/etc/duban/audit.key"}, "--data", "/var/lib/duban"); err != nil ||
		c.AuditSigningKeyFile != "/etc/duban/audit.key" {
		t.Errorf("from the environment: %q %v", c.AuditSigningKeyFile, err)
	}
	_, err := load(nil, "--data", "/var/lib/duban", "--audit-signing-key-file", "/var/lib/duban/audit.key")
	if err == nil || !strings.Contains(err.Error(), "audit_signing_key_file") || !strings.Contains(err.Error(), "数据目录") {
		t.Errorf("a signing key inside the data folder: %v", err)
	}
}
