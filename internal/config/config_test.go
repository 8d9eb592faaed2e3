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

// TestTransportKeys: TLS, trusted proxies and the server timeouts are keys
// like the others: loopback trusted and the timeouts set by default; a
// list from the file, a comma-separated variable or flag; a certificate
// without its key, a proxy list that is not CIDRs or that trusts
// everyone, and a zero timeout are refused naming the key.
func TestTransportKeys(t *testing.T) {
	file := filepath.Join(t.TempDir(), "duban.json")
	os.WriteFile(file, []byte(`{"trusted_proxies":["10.0.0.0/8"],"tls_cert":"/etc/duban/cert.pem","tls_key":"/etc/duban/key.pem","server_write_timeout":"30m"}`), 0o600)
	load := func(env map[string]string, args ...string) (Config, error) {
		t.Helper()
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c, _, err := Load(fs, args, func(k string) string { return env[k] })
		return c, err
	}
	c, err := load(nil)
	if err != nil || strings.Join(c.TrustedProxies, ",") != "127.0.0.0/8,::1/128" || c.TLSCert != "" ||
		c.ReadHeaderTimeout <= 0 || c.ReadTimeout < Duration(5*time.Minute) || c.WriteTimeout < Duration(5*time.Minute) || c.IdleTimeout <= 0 {
		t.Errorf("defaults %+v %v", c, err)
	}
	if c, err := load(map[string]string{"DUBAN_CONFIG": file}); err != nil || strings.Join(c.TrustedProxies, ",") != "10.0.0.0/8" ||
		c.TLSKey != "/etc/duban/key.pem" || time.Duration(c.WriteTimeout) != 30*time.Minute {
		t.Errorf("from the file %+v %v", c, err)
	}
	if c, err := load(map[string]string{"DUBAN_CONFIG": file, "DUBAN_TRUSTED_PROXIES": "127.0.0.1/32, 192.0.2.7"}); err != nil ||
		strings.Join(c.TrustedProxies, ",") != "127.0.0.1/32,192.0.2.7" {
		t.Errorf("from the environment %+v %v", c.TrustedProxies, err)
	}
	if c, err := load(map[string]string{"DUBAN_TRUSTED_PROXIES": "10.0.0.0/8"}, "--trusted-proxies", "", "--server-read-header-timeout", "2s"); err != nil ||
		len(c.TrustedProxies) != 0 || time.Duration(c.ReadHeaderTimeout) != 2*time.Second {
		t.Errorf("from the flags %+v %v", c, err)
	}
	for _, bad := range []struct {
		args []string
		key  string
	}{
		{[]string{"--tls-cert", "/etc/duban/cert.pem"}, "tls_key"},
		{[]string{"--trusted-proxies", "10.0.0.0/8,proxy.local"}, "trusted_proxies"},
		{[]string{"--trusted-proxies", "0.0.0.0/0"}, "trusted_proxies"},
		{[]string{"--server-read-timeout", "0s"}, "server_read_timeout"},
	} {
		if _, err := load(nil, bad.args...); err == nil || !strings.Contains(err.Error(), bad.key) {
			t.Errorf("%v: %v, want a message naming %s", bad.args, err, bad.key)
		}
	}
}

// TestSMTPKeys: the e-mail channel's TLS mode, auth mechanism and CA file
// are keys like the others, empty by default (STARTTLS when offered, PLAIN
// with a user name, the system's roots), and checked.
func TestSMTPKeys(t *testing.T) {
	file := filepath.Join(t.TempDir(), "duban.json")
	os.WriteFile(file, []byte(`{"notify_smtp_addr":"smtp.exmail.qq.com:465","notify_smtp_from":"duban@example.gov.cn","notify_smtp_username":"duban@example.gov.cn","notify_smtp_tls":"implicit","notify_smtp_auth":"login","notify_smtp_ca_file":"/etc/duban/ca.pem"}`), 0o600)
	load := func(env map[string]string, args ...string) (Config, error) {
		t.Helper()
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c, _, err := Load(fs, args, func(k string) string { return env[k] })
		return c, err
	}
	if c, err := load(nil); err != nil || c.SMTPTLS != "" || c.SMTPAuth != "" || c.SMTPCAFile != "" {
		t.Errorf("defaults %q %q %q %v", c.SMTPTLS, c.SMTPAuth, c.SMTPCAFile, err)
	}
	if c, err := load(map[string]string{"DUBAN_CONFIG": file}); err != nil || c.SMTPTLS != "implicit" || c.SMTPAuth != "login" || c.SMTPCAFile != "/etc/duban/ca.pem" {
		t.Errorf("from the file %q %q %q %v", c.SMTPTLS, c.SMTPAuth, c.SMTPCAFile, err)
	}
	if c, err := load(map[string]string{"DUBAN_CONFIG": file, "DUBAN_NOTIFY_SMTP_TLS": "starttls"}, "--notify-smtp-auth", "plain"); err != nil ||
		c.SMTPTLS != "starttls" || c.SMTPAuth != "plain" {
		t.Errorf("from the environment and flags %q %q %v", c.SMTPTLS, c.SMTPAuth, err)
	}
	for _, bad := range []struct {
		args []string
		key  string
	}{
		{[]string{"--notify-smtp-tls", "ssl"}, "notify_smtp_tls"},
		{[]string{"--notify-smtp-tls", "none", "--notify-smtp-require-tls"}, "notify_smtp_tls"},
		{[]string{"--notify-smtp-auth", "cram-md5"}, "notify_smtp_auth"},
		{[]string{"--notify-smtp-auth", "login"}, "notify_smtp_username"},
	} {
		if _, err := load(nil, bad.args...); err == nil || !strings.Contains(err.Error(), bad.key) {
			t.Errorf("%v: %v, want a message naming %s", bad.args, err, bad.key)
		}
	}
}

// TestObservabilityKeys: log_format, access_log, metrics_token and
// metrics_allow are keys like the others: text, on, none and loopback by
// default; the token is masked; bad values are named.
func TestObservabilityKeys(t *testing.T) {
	load := func(env map[string]string, args ...string) (Config, error) {
		t.Helper()
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c, _, err := Load(fs, args, func(k string) string { return env[k] })
		return c, err
	}
	c, err := load(nil)
	if err != nil || c.LogFormat != "text" || !c.AccessLog || c.MetricsToken != "" || strings.Join(c.MetricsAllow, ",") != "127.0.0.0/8,::1/128" {
		t.Errorf("defaults %+v %v", c, err)
	}
	c, err = load(map[string]string{"DUBAN_LOG_FORMAT": "json", "DUBAN_METRICS_TOKEN": "prom-scraper-token-0001"},
		"--access-log=false", "--metrics-allow", "10.0.9.0/24")
	if err != nil || c.LogFormat != "json" || c.AccessLog || c.MetricsToken != "prom-scraper-token-0001" || strings.Join(c.MetricsAllow, ",") != "10.0.9.0/24" {
		t.Errorf("set %+v %v", c, err)
	}
	if m := c.Masked(); strings.Contains(m, "prom-scraper-token-0001") {
		t.Errorf("Masked() shows the metrics token:\n%s", m)
	}
	for _, bad := range []struct {
		args []string
		key  string
	}{
		{[]string{"--log-format", "xml"}, "log_format"},
		{[]string{"--metrics-allow", "0.0.0.0/0"}, "metrics_allow"},
		{[]string{"--metrics-allow", "prometheus.local"}, "metrics_allow"},
		{[]string{"--metrics-token", "short"}, "metrics_token"},
	} {
		if _, err := load(nil, bad.args...); err == nil || !strings.Contains(err.Error(), bad.key) {
			t.Errorf("%v: %v, want a message naming %s", bad.args, err, bad.key)
		}
	}
}

// base_url may name a reverse proxy's sub-path; a query, another scheme
// or a relative address is refused.
func TestValidateBaseURL(t *testing.T) {
	for base, ok := range map[string]bool{
		"https://duban.example.gov.cn": true, "https://host/duban/": true, "http://127.0.0.1:8080/duban": true,
		"/duban/": false, "ftp://host/duban": false, "https://host/duban/?x=1": false, "https://host/duban#top": false,
	} {
		c := Defaults()
		c.BaseURL = base
		if err := c.Validate(); (err == nil) != ok {
			t.Errorf("base_url %q: Validate() = %v, want ok=%v", base, err, ok)
		}
	}
}
