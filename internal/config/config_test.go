package config

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLayers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "duban.json")
	os.WriteFile(file, []byte(`{"addr":"127.0.0.1:9000","data_dir":"/srv/duban","lock_threshold":3,"session_idle":"30m"}`), 0o600)
	env := map[string]string{"DUBAN_CONFIG": file, "DUBAN_DATA": "/var/lib/duban", "DUBAN_LOCK_DURATION": "1h"}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c, rest, err := Load(fs, []string{"--addr", "127.0.0.1:9100", "extra"}, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:9100" { // flag beats file
		t.Errorf("addr = %s", c.Addr)
	}
	if c.DataDir != "/var/lib/duban" { // env beats file
		t.Errorf("data = %s", c.DataDir)
	}
	if c.LockThreshold != 3 || time.Duration(c.SessionIdle) != 30*time.Minute { // file beats defaults
		t.Errorf("file values lost: %+v", c)
	}
	if time.Duration(c.LockDuration) != time.Hour || c.PasswordMinLength != 10 {
		t.Errorf("env or default lost: %+v", c)
	}
	if len(rest) != 1 || rest[0] != "extra" {
		t.Errorf("rest = %v", rest)
	}
}

func TestValidateNamesKeys(t *testing.T) {
	c := Defaults()
	c.Addr, c.DB, c.LockThreshold = "nonsense", "mysql://x", 0
	err := c.Validate()
	for _, key := range []string{"addr", "db", "lock_threshold"} {
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("Validate() = %v, want a message naming %s", err, key)
		}
	}
}

func TestMaskedHidesPassword(t *testing.T) {
	c := Defaults()
	c.DB = "postgres://duban:s3cret@db.local/duban?sslmode=disable"
	if m := c.Masked(); strings.Contains(m, "s3cret") || !strings.Contains(m, "duban:****@") {
		t.Errorf("Masked() = %s", m)
	}
}

func TestMaskedHidesNotificationSecrets(t *testing.T) {
	c := Defaults()
	c.NotifyWebhookURL, c.NotifyWebhookSecret = "http://127.0.0.1:9/hook", "hook-secret"
	c.NotifyDingTalkURL, c.DingTalkSecret = "https://oapi.dingtalk.com/robot/send?access_token=tok123", "SECabc"
	m := c.Masked()
	for _, secret := range []string{"hook-secret", "tok123", "SECabc"} {
		if strings.Contains(m, secret) {
			t.Errorf("Masked() shows %q:\n%s", secret, m)
		}
	}
	c.NotifyWebhookSecret = ""
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "notify_webhook_secret") {
		t.Errorf("a webhook without a secret validated: %v", err)
	}
}

// TestHotlineLimitsKey: the 12345 time limits file is a key like the
// others — empty by default (the built-in example), set in the file,
// overridden by DUBAN_HOTLINE_LIMITS and by --hotline-limits.
func TestHotlineLimitsKey(t *testing.T) {
	file := filepath.Join(t.TempDir(), "duban.json")
	os.WriteFile(file, []byte(`{"hotline_limits":"/etc/duban/limits.json"}`), 0o600)
	load := func(env map[string]string, args ...string) Config {
		t.Helper()
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c, _, err := Load(fs, args, func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := load(nil); c.HotlineLimits != "" {
		t.Errorf("default %q", c.HotlineLimits)
	}
	if c := load(map[string]string{"DUBAN_CONFIG": file}); c.HotlineLimits != "/etc/duban/limits.json" {
		t.Errorf("from the file %q", c.HotlineLimits)
	}
	if c := load(map[string]string{"DUBAN_CONFIG": file, "DUBAN_HOTLINE_LIMITS": "/srv/gx.json"}); c.HotlineLimits != "/srv/gx.json" {
		t.Errorf("from the environment %q", c.HotlineLimits)
	}
	if c := load(map[string]string{"DUBAN_HOTLINE_LIMITS": "/srv/gx.json"}, "--hotline-limits", "./zj.json"); c.HotlineLimits != "./zj.json" {
		t.Errorf("from the flag %q", c.HotlineLimits)
	}
	found := false
	for _, k := range Keys() {
		found = found || (k[0] == "hotline-limits" && k[1] == "DUBAN_HOTLINE_LIMITS")
	}
	if !found {
		t.Error("Keys() does not list hotline-limits")
	}
}
