// Package config is duban's one configuration: defaults, then a JSON file,
// then DUBAN_* environment variables, then command-line flags, each
// overriding the one before. Validate says what is wrong in words an
// operator can act on; Masked prints it without secrets.
package config

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/clientip"
)

// Config is everything `duban serve` can be told.
type Config struct {
	Addr    string `json:"addr"`     // where to listen
	DataDir string `json:"data_dir"` // the SQLite file, uploads, backups
	DB      string `json:"db"`       // "" = SQLite in DataDir; postgres://… = PostgreSQL
	BaseURL string `json:"base_url"` // how people reach duban, for links in messages

	Demo bool `json:"demo"` // import the demo plans and create demo users on an empty system

	// Supervision: the scheduler inside serve, and where it sends.
	Scheduler           bool     `json:"scheduler"`
	SchedulerInterval   Duration `json:"scheduler_interval"`
	NotifyWebhookURL    string   `json:"notify_webhook_url"`
	NotifyWebhookSecret string   `json:"notify_webhook_secret"`
	NotifyDingTalkURL   string   `json:"notify_dingtalk_url"`
	DingTalkSecret      string   `json:"notify_dingtalk_secret"`
	NotifyWeComURL      string   `json:"notify_wecom_url"`
	// E-mail to the units that have an address (单位管理): the submission
	// server, the sender, and the account when a user name is given.
	SMTPAddr       string `json:"notify_smtp_addr"`
	SMTPFrom       string `json:"notify_smtp_from"`
	SMTPUsername   string `json:"notify_smtp_username"`
	SMTPPassword   string `json:"notify_smtp_password"`
	SMTPRequireTLS bool   `json:"notify_smtp_require_tls"`
	// SMTPTLS is starttls (empty means this), implicit (SMTPS, port 465)
	// or none; SMTPAuth is plain (empty, with a user name), login or none;
	// SMTPCAFile is a PEM file of the CAs that verify the server.
	SMTPTLS    string `json:"notify_smtp_tls"`
	SMTPAuth   string `json:"notify_smtp_auth"`
	SMTPCAFile string `json:"notify_smtp_ca_file"`
	// The 督办通知书: who issues it, and an office's own .docx template
	// (empty: the 公文 layout duban ships). NoticeLetterhead is the
	// 发文机关标志 of the 红头 (如 某市人民政府督查室): set, the built-in
	// notice is a 红头文件 of GB/T 9704; empty, the plain layout.
	NoticeIssuer     string `json:"notice_issuer"`
	NoticeTemplate   string `json:"notice_template"`
	NoticeLetterhead string `json:"notice_letterhead"`
	// CalendarDir holds holiday schedules (.json notices, .ics) laid over
	// the embedded calendar; empty means <data>/calendar.
	CalendarDir string `json:"calendar_dir"`
	// Open311Keys are the API keys (comma-separated) allowed to post
	// requests through Open311; Open311Jurisdiction its jurisdiction_id.
	Open311Keys         string `json:"open311_keys"`
	Open311Jurisdiction string `json:"open311_jurisdiction"`
	// HotlineLimits is a JSON file of the 12345 time limits (an array
	// of hotline.Limit), since provinces differ; empty means the example
	// set in the shape of Guangdong's rules. The file is checked at start.
	HotlineLimits string `json:"hotline_limits"`
	// The 依申请公开 reply letters: the agency that replies, and the
	// bodies named in the remedies notice (行政复议, 行政诉讼).
	FOIAAgency          string `json:"foia_agency"`
	FOIAReconsideration string `json:"foia_reconsideration"`
	FOIACourt           string `json:"foia_court"`
	// Locality names the local layer of the calendar (the days a
	// locality adds to the national schedule), e.g. 广西壮族自治区.
	Locality string `json:"locality"`

	// Security policy.
	PasswordMinLength int      `json:"password_min_length"`
	LockThreshold     int      `json:"lock_threshold"`
	LockDuration      Duration `json:"lock_duration"`
	SessionIdle       Duration `json:"session_idle"`
	SessionLifetime   Duration `json:"session_lifetime"`
	TokenLifetime     Duration `json:"token_lifetime"`
	// TOTPRequiredRoles must sign in with a second factor (RFC 6238);
	// other roles may enrol if they wish. Empty requires it of nobody.
	TOTPRequiredRoles []string `json:"totp_required_roles"`
	// Sign-in under attack: how many password checks run at once (each
	// holds 19 MiB; 0 = one per CPU), how long a sign-in waits for one
	// before 429, and the failed sign-ins allowed a minute (and in a
	// burst) from one address and on one user name (0 = no limit).
	SigninHashWorkers      int      `json:"signin_hash_workers"`
	SigninHashWait         Duration `json:"signin_hash_wait"`
	SigninAddressPerMinute int      `json:"signin_address_per_minute"`
	SigninAccountPerMinute int      `json:"signin_account_per_minute"`

	// The audit chain anchored outside the database: the head written at
	// every interval to a file only ever appended to and/or POSTed to a
	// webhook; entries older than AuditRetention days purged (0 keeps
	// them forever) with a summary that keeps the chain verifiable.
	AuditCheckpointFile     string   `json:"audit_checkpoint_file"`
	AuditCheckpointWebhook  string   `json:"audit_checkpoint_webhook"`
	AuditCheckpointInterval Duration `json:"audit_checkpoint_interval"`
	AuditRetention          int      `json:"audit_retention"`
	// AuditSigningKeyFile holds the Ed25519 key (a hex seed, written by
	// `duban keygen --audit-signing`) that signs every checkpoint line
	// and purge summary; kept outside the data folder, owner-only.
	AuditSigningKeyFile string `json:"audit_signing_key_file"`

	// Crypto is the crypto suite (package cryptosuite): "default" (SHA-256
	// audit chain, personal data in the clear) or "gm" (国密: SM3 chain,
	// personal data SM4-GCM encrypted with the 128-bit key in
	// DataKeyFile, which is kept outside the data folder). A database
	// keeps the suite it was begun with.
	Crypto      string `json:"crypto"`
	DataKeyFile string `json:"data_key_file"`

	// Init lets serve start afresh on an empty or damaged SQLite file
	// (moved aside). A flag of serve only, never a file key or variable:
	// it must be said each time.
	Init bool `json:"-"`

	// DueSoonWorkdays: a task shows yellow (临期) this many working days
	// before its next due date.
	DueSoonWorkdays int `json:"due_soon_workdays"`

	// HTTPS: a PEM certificate (its chain after it) and key; with both set
	// serve speaks TLS (1.2 at least) and nothing else.
	TLSCert string `json:"tls_cert"`
	TLSKey  string `json:"tls_key"`
	// TrustedProxies are the reverse proxies (CIDRs or addresses) whose
	// X-Forwarded-For and X-Forwarded-Proto are believed.
	TrustedProxies []string `json:"trusted_proxies"`
	// Server timeouts: the request headers, the whole request (a large
	// plan upload on a slow line), the whole answer (a big .xlsx export),
	// and an idle kept-alive connection.
	ReadHeaderTimeout Duration `json:"server_read_header_timeout"`
	ReadTimeout       Duration `json:"server_read_timeout"`
	WriteTimeout      Duration `json:"server_write_timeout"`
	IdleTimeout       Duration `json:"server_idle_timeout"`

	ShutdownTimeout Duration `json:"shutdown_timeout"`
	LogLevel        string   `json:"log_level"` // debug, info, warn, error
	// LogFormat is text (logfmt-like, the default) or json (slog's JSON
	// handler, one object a line, for a log collector); AccessLog writes
	// one info line per request (method, route pattern, status, time,
	// bytes, client address: never a query string or a token).
	LogFormat string `json:"log_format"`
	AccessLog bool   `json:"access_log"`
	// ResponseCacheMB bounds the response cache in MiB (0: none kept).
	ResponseCacheMB int `json:"response_cache_mb"`
	// /metrics (Prometheus) answers a scraper that shows MetricsToken as
	// a bearer token, or calls from an address in MetricsAllow (CIDRs or
	// addresses; loopback by default; the address as trusted_proxies
	// resolve it). Anyone else gets 401.
	MetricsToken string   `json:"metrics_token"`
	MetricsAllow []string `json:"metrics_allow"`
}

// Duration is a time.Duration written as "15m" in files and variables.
type Duration time.Duration

// MarshalJSON writes the duration as text.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// UnmarshalJSON reads "15m" or a number of seconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		v, err := time.ParseDuration(s)
		*d = Duration(v)
		return err
	}
	var secs float64
	if err := json.Unmarshal(b, &secs); err != nil {
		return fmt.Errorf("duration %s: %w", b, err)
	}
	*d = Duration(secs * float64(time.Second))
	return nil
}

// String is the duration as text.
func (d Duration) String() string { return time.Duration(d).String() }

// Set parses a flag or environment value.
func (d *Duration) Set(s string) error {
	v, err := time.ParseDuration(s)
	*d = Duration(v)
	return err
}

// Defaults is the configuration with nothing said: data in ./duban-data,
// listening on loopback only.
func Defaults() Config {
	return Config{
		Addr:                    "127.0.0.1:8080",
		DataDir:                 "./duban-data",
		PasswordMinLength:       10,
		LockThreshold:           5,
		LockDuration:            Duration(15 * time.Minute),
		SessionIdle:             Duration(2 * time.Hour),
		SessionLifetime:         Duration(12 * time.Hour),
		TokenLifetime:           Duration(90 * 24 * time.Hour),
		TOTPRequiredRoles:       slices.Clone(auth.TOTPRoles3),
		SigninHashWait:          Duration(2 * time.Second),
		SigninAddressPerMinute:  30,
		SigninAccountPerMinute:  10,
		DueSoonWorkdays:         5,
		Scheduler:               true,
		ResponseCacheMB:         16,
		SchedulerInterval:       Duration(time.Minute),
		NoticeIssuer:            "督查室",
		TrustedProxies:          []string{"127.0.0.0/8", "::1/128"},
		ReadHeaderTimeout:       Duration(10 * time.Second),
		ReadTimeout:             Duration(10 * time.Minute),
		WriteTimeout:            Duration(10 * time.Minute),
		IdleTimeout:             Duration(2 * time.Minute),
		ShutdownTimeout:         Duration(15 * time.Second),
		AuditCheckpointInterval: Duration(time.Hour),
		LogLevel:                "info",
		LogFormat:               "text",
		AccessLog:               true,
		MetricsAllow:            []string{"127.0.0.0/8", "::1/128"},
		Crypto:                  "default",
	}
}

// Validate reports every problem, each naming its key.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("addr %q: 应为 主机:端口 (host:port): %w", c.Addr, err))
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("data_dir: 不能为空 (must not be empty)"))
	}
	if c.DB != "" && !strings.HasPrefix(c.DB, "postgres://") && !strings.HasPrefix(c.DB, "postgresql://") {
		errs = append(errs, fmt.Errorf("db: 应为空 (SQLite) 或 postgres:// 地址 (empty for SQLite, or a postgres:// DSN)"))
	}
	if c.BaseURL != "" {
		// A path is the sub-path a reverse proxy serves duban under
		// (https://host/duban/); a query or fragment has no meaning.
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			errs = append(errs, fmt.Errorf("base_url %q: 应为完整地址，如 https://duban.example.gov.cn 或反向代理的子路径 https://host/duban/"+
				" (a full http(s) URL, optionally with a path, no query)", c.BaseURL))
		}
	}
	if c.PasswordMinLength < 8 {
		errs = append(errs, fmt.Errorf("password_min_length %d: 至少 8 (at least 8)", c.PasswordMinLength))
	}
	if c.LockThreshold < 1 {
		errs = append(errs, fmt.Errorf("lock_threshold %d: 至少 1 (at least 1)", c.LockThreshold))
	}
	for name, d := range map[string]Duration{"lock_duration": c.LockDuration, "session_idle": c.SessionIdle,
		"session_lifetime": c.SessionLifetime, "token_lifetime": c.TokenLifetime, "shutdown_timeout": c.ShutdownTimeout,
		"server_read_header_timeout": c.ReadHeaderTimeout, "server_read_timeout": c.ReadTimeout,
		"server_write_timeout": c.WriteTimeout, "server_idle_timeout": c.IdleTimeout} {
		if d <= 0 {
			errs = append(errs, fmt.Errorf("%s %s: 必须大于 0 (must be positive)", name, d))
		}
	}
	for _, r := range c.TOTPRequiredRoles {
		switch r {
		case "sysadmin", "secadmin", "auditadmin", "office", "liaison", "leader":
		default:
			errs = append(errs, fmt.Errorf("totp_required_roles: 未知角色 %q (unknown role; sysadmin, secadmin, auditadmin, office, liaison, leader)", r))
		}
	}
	if c.SigninHashWorkers < 0 || c.SigninAddressPerMinute < 0 || c.SigninAccountPerMinute < 0 {
		errs = append(errs, errors.New("signin_hash_workers, signin_address_per_minute, signin_account_per_minute: 不能为负 (must not be negative)"))
	}
	if c.ResponseCacheMB < 0 {
		errs = append(errs, fmt.Errorf("response_cache_mb %d: 不能为负 (must not be negative)", c.ResponseCacheMB))
	}
	if c.SigninHashWait <= 0 {
		errs = append(errs, fmt.Errorf("signin_hash_wait %s: 必须大于 0 (must be positive)", c.SigninHashWait))
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		errs = append(errs, errors.New("tls_cert, tls_key: 证书和私钥须同时设置 (set both or neither)"))
	}
	if _, err := clientip.ParsePrefixes(c.TrustedProxies); err != nil {
		errs = append(errs, fmt.Errorf("trusted_proxies: 应为 CIDR 或地址列表，如 127.0.0.1/32,10.0.0.0/8: %w", err))
	}
	if c.SchedulerInterval < Duration(time.Second) {
		errs = append(errs, fmt.Errorf("scheduler_interval %s: 至少 1s", c.SchedulerInterval))
	}
	if c.AuditCheckpointInterval < Duration(time.Second) {
		errs = append(errs, fmt.Errorf("audit_checkpoint_interval %s: 至少 1s", c.AuditCheckpointInterval))
	}
	if c.AuditRetention < 0 {
		errs = append(errs, fmt.Errorf("audit_retention %d: 应为天数，0 为永久保留 (days; 0 keeps forever)", c.AuditRetention))
	}
	if c.AuditCheckpointWebhook != "" {
		if u, err := url.Parse(c.AuditCheckpointWebhook); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("audit_checkpoint_webhook %q: 应为 http:// 或 https:// 地址", c.AuditCheckpointWebhook))
		}
	}
	errs = append(errs, c.validateCrypto()...)
	if err := c.keyOutsideData("audit_signing_key_file", c.AuditSigningKeyFile); err != nil {
		errs = append(errs, err)
	}
	if c.SMTPAddr != "" && c.SMTPFrom == "" {
		errs = append(errs, errors.New("notify_smtp_from: 设置了 notify_smtp_addr 就必须设置发件人"))
	}
	switch c.SMTPTLS {
	case "", "starttls", "implicit", "none":
	default:
		errs = append(errs, fmt.Errorf("notify_smtp_tls %q: 应为 starttls、implicit 或 none", c.SMTPTLS))
	}
	if c.SMTPTLS == "none" && c.SMTPRequireTLS {
		errs = append(errs, errors.New("notify_smtp_tls: none 与 notify_smtp_require_tls 矛盾"))
	}
	switch c.SMTPAuth {
	case "", "plain", "login", "none":
	default:
		errs = append(errs, fmt.Errorf("notify_smtp_auth %q: 应为 plain、login 或 none", c.SMTPAuth))
	}
	if (c.SMTPAuth == "plain" || c.SMTPAuth == "login") && c.SMTPUsername == "" {
		errs = append(errs, fmt.Errorf("notify_smtp_username: notify_smtp_auth 为 %s 时必须设置发信账号", c.SMTPAuth))
	}
	if c.NotifyWebhookURL != "" && c.NotifyWebhookSecret == "" {
		errs = append(errs, errors.New("notify_webhook_secret: 设置了 notify_webhook_url 就必须设置签名密钥"))
	}
	if c.DueSoonWorkdays < 0 || c.DueSoonWorkdays > 60 {
		errs = append(errs, fmt.Errorf("due_soon_workdays %d: 应为 0–60", c.DueSoonWorkdays))
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("log_format %q: 应为 text 或 json", c.LogFormat))
	}
	if _, err := clientip.ParsePrefixes(c.MetricsAllow); err != nil {
		errs = append(errs, fmt.Errorf("metrics_allow: 应为 CIDR 或地址列表，如 127.0.0.1/32,10.0.0.0/8: %w", err))
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		errs = append(errs, errors.New("metrics_token: 至少 16 个字符 (at least 16 characters)"))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log_level %q: 应为 debug/info/warn/error", c.LogLevel))
	}
	return errors.Join(errs...)
}

// Masked is the configuration as text with the database password hidden.
func (c Config) Masked() string {
	m := c
	if u, err := url.Parse(c.DB); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.User(u.User.Username())
			m.DB = strings.Replace(u.String(), "@", ":****@", 1)
		}
	}
	for _, secret := range []*string{&m.NotifyWebhookSecret, &m.DingTalkSecret, &m.SMTPPassword, &m.Open311Keys, &m.MetricsToken} {
		if *secret != "" {
			*secret = "****"
		}
	}
	for _, u := range []*string{&m.NotifyDingTalkURL, &m.NotifyWeComURL} {
		// A robot's URL carries its access token: show only where it points.
		if pu, err := url.Parse(*u); err == nil && pu.RawQuery != "" {
			pu.RawQuery = "****"
			*u = pu.String()
		}
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return string(b)
}

// Load builds the configuration: defaults, the file named by --config or
// DUBAN_CONFIG (if any), DUBAN_* variables from env, then the flags in args
// (which fs defines through Flags). It returns the positional arguments.
func Load(fs *flag.FlagSet, args []string, env func(string) string) (Config, []string, error) {
	c := Defaults()
	file := env("DUBAN_CONFIG")
	for i, a := range args { // the file comes first, so find it before parsing the rest
		if a == "--config" || a == "-config" {
			if i+1 < len(args) {
				file = args[i+1]
			}
		} else if v, ok := strings.CutPrefix(a, "--config="); ok {
			file = v
		}
	}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return c, nil, fmt.Errorf("config: %w", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return c, nil, fmt.Errorf("config %s: %w", file, err)
		}
	}
	if err := fromEnv(&c, env); err != nil {
		return c, nil, err
	}
	bindFlags(fs, &c)
	fs.String("config", file, "配置文件 (JSON)")
	if err := fs.Parse(args); err != nil {
		return c, nil, err
	}
	return c, fs.Args(), c.Validate()
}

// validateCrypto checks the crypto suite and its key file's place: a key
// kept in the data folder would travel with every copy of the database
// and protect nothing.
func (c Config) validateCrypto() []error {
	switch c.Crypto {
	case "default", "":
		if c.DataKeyFile != "" {
			return []error{errors.New("data_key_file: 只用于 crypto: gm (only used with crypto gm)")}
		}
		return nil
	case "gm":
	default:
		return []error{fmt.Errorf("crypto %q: 应为 default 或 gm", c.Crypto)}
	}
	if c.DataKeyFile == "" {
		return []error{errors.New("data_key_file: crypto 为 gm 时必须设置 SM4 数据密钥文件（用 duban keygen 生成）(crypto gm needs a key file)")}
	}
	if err := c.keyOutsideData("data_key_file", c.DataKeyFile); err != nil {
		return []error{err}
	}
	return nil
}

// keyOutsideData refuses a key file (named by its key) inside the data
// folder, where it would travel with every copy of the database.
func (c Config) keyOutsideData(name, file string) error {
	if file == "" {
		return nil
	}
	key, err1 := filepath.Abs(file)
	data, err2 := filepath.Abs(c.DataDir)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(data, key); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%s %q: 不能放在数据目录 %s 里，应与数据库分开保管 (keep the key outside the data folder)", name, file, c.DataDir)
		}
	}
	return nil
}
