package config

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// field ties one key to its variable and flag.
type field struct {
	key, usage string
	str        *string
	num        *int
	flag       *bool
	dur        *Duration
	list       *[]string // comma-separated in variables and flags
}

func fields(c *Config) []field {
	return []field{
		{key: "addr", usage: "监听地址 host:port", str: &c.Addr},
		{key: "data", usage: "数据目录 (SQLite 数据库、附件、备份)", str: &c.DataDir},
		{key: "db", usage: "数据库: 空 = 数据目录中的 SQLite; postgres://… = PostgreSQL", str: &c.DB},
		{key: "base-url", usage: "对外访问地址，用于通知中的链接", str: &c.BaseURL},
		{key: "demo", usage: "空系统时导入示例方案并创建示例单位和用户", flag: &c.Demo},
		{key: "password-min-length", usage: "密码最短长度", num: &c.PasswordMinLength},
		{key: "lock-threshold", usage: "连续登录失败多少次锁定账号", num: &c.LockThreshold},
		{key: "lock-duration", usage: "锁定时长", dur: &c.LockDuration},
		{key: "session-idle", usage: "会话空闲超时", dur: &c.SessionIdle},
		{key: "session-lifetime", usage: "会话最长时长", dur: &c.SessionLifetime},
		{key: "token-lifetime", usage: "API 令牌有效期", dur: &c.TokenLifetime},
		{key: "totp-required-roles", usage: "必须使用两步验证 (TOTP) 的角色，逗号分隔；留空则都不强制", list: &c.TOTPRequiredRoles},
		{key: "signin-hash-workers", usage: "同时进行的密码校验数 (每个约 19 MiB)；0 = CPU 个数", num: &c.SigninHashWorkers},
		{key: "signin-hash-wait", usage: "登录等待空闲校验位的时长，超时答复 429", dur: &c.SigninHashWait},
		{key: "signin-address-per-minute", usage: "每个来源地址每分钟允许的失败登录次数 (亦为突发上限)；0 = 不限", num: &c.SigninAddressPerMinute},
		{key: "signin-account-per-minute", usage: "每个用户名每分钟允许的失败登录次数 (亦为突发上限)；0 = 不限", num: &c.SigninAccountPerMinute},
		{key: "scheduler", usage: "在 serve 中运行督查调度（提醒、催办、督办、通知）", flag: &c.Scheduler},
		{key: "scheduler-interval", usage: "督查调度间隔", dur: &c.SchedulerInterval},
		{key: "notify-webhook-url", usage: "通知 webhook 地址（JSON，HMAC 签名）", str: &c.NotifyWebhookURL},
		{key: "notify-webhook-secret", usage: "webhook 签名密钥", str: &c.NotifyWebhookSecret},
		{key: "notify-dingtalk-url", usage: "钉钉群机器人 webhook 地址", str: &c.NotifyDingTalkURL},
		{key: "notify-dingtalk-secret", usage: "钉钉机器人加签密钥", str: &c.DingTalkSecret},
		{key: "notify-wecom-url", usage: "企业微信群机器人 webhook 地址", str: &c.NotifyWeComURL},
		{key: "notify-smtp-addr", usage: "发信服务器 host:port（向已登记邮箱的单位发送督查邮件）", str: &c.SMTPAddr},
		{key: "notify-smtp-from", usage: "发件人，如 督办系统 <duban@example.gov.cn>", str: &c.SMTPFrom},
		{key: "notify-smtp-username", usage: "发信账号（留空不认证）", str: &c.SMTPUsername},
		{key: "notify-smtp-password", usage: "发信密码", str: &c.SMTPPassword},
		{key: "notify-smtp-require-tls", usage: "服务器不支持 STARTTLS 时拒绝发信", flag: &c.SMTPRequireTLS},
		{key: "notify-smtp-tls", usage: "发信加密: starttls（默认，服务器支持就升级）、implicit（SSL/TLS 直连，如 465 端口）或 none", str: &c.SMTPTLS},
		{key: "notify-smtp-auth", usage: "发信认证方式: plain（设置了账号时默认）、login（Exchange、Coremail 等）或 none", str: &c.SMTPAuth},
		{key: "notify-smtp-ca-file", usage: "校验发信服务器证书的 CA 证书文件 (PEM)；留空用系统根证书", str: &c.SMTPCAFile},
		{key: "notice-issuer", usage: "督办通知书的发文机关", str: &c.NoticeIssuer},
		{key: "notice-template", usage: "督办通知书 .docx 模板路径（留空用内置公文版式）", str: &c.NoticeTemplate},
		{key: "notice-letterhead", usage: "督办通知书红头的发文机关标志（如 某市人民政府督查室），内置版式按 GB/T 9704 印红头和红色分隔线；留空不印红头", str: &c.NoticeLetterhead},
		{key: "calendar-dir", usage: "节假日安排目录（.json 放假通知、.ics），叠加在内置日历上；默认 数据目录/calendar", str: &c.CalendarDir},
		{key: "open311-keys", usage: "允许通过 Open311 提交工单的 API key（逗号分隔）", str: &c.Open311Keys},
		{key: "open311-jurisdiction", usage: "Open311 的 jurisdiction_id", str: &c.Open311Jurisdiction},
		{key: "hotline-limits", usage: "12345 办理时限规则文件（JSON 数组：type、category、urgency、workdays 或 hours、sign_hours、return_hours）；留空用内置广东示例", str: &c.HotlineLimits},
		{key: "foia-agency", usage: "依申请公开答复书的答复机关（如 某市人民政府办公室）", str: &c.FOIAAgency},
		{key: "foia-reconsideration", usage: "答复书告知的行政复议机关（留空为“有管辖权的行政复议机关”）", str: &c.FOIAReconsideration},
		{key: "foia-court", usage: "答复书告知的受理行政诉讼的法院（留空为“有管辖权的人民法院”）", str: &c.FOIACourt},
		{key: "locality", usage: "本地名称（日历的地方层，如 广西壮族自治区）；留空为“本地”", str: &c.Locality},
		{key: "audit-checkpoint-file", usage: "审计检查点文件：定时追加写入哈希链头（条数、哈希、时间），宜放在另一块盘或另一台机器", str: &c.AuditCheckpointFile},
		{key: "audit-checkpoint-webhook", usage: "审计检查点同时 POST 到此地址（JSON）", str: &c.AuditCheckpointWebhook},
		{key: "audit-checkpoint-interval", usage: "审计检查点写入间隔", dur: &c.AuditCheckpointInterval},
		{key: "audit-retention", usage: "审计日志保留天数，超期的由 serve 每天清理（留下清理摘要）；0 为永久保留", num: &c.AuditRetention},
		{key: "audit-signing-key-file", usage: "审计签名私钥文件（Ed25519 种子，64 位十六进制，duban keygen --audit-signing 生成）：检查点和清理摘要都带签名；须放在数据目录之外、仅属主可读", str: &c.AuditSigningKeyFile},
		{key: "crypto", usage: "密码套件: default（SHA-256 审计链，个人信息明文存储）或 gm（国密：SM3 审计链，个人信息 SM4 加密存储）；建库后不能更换", str: &c.Crypto},
		{key: "data-key-file", usage: "国密 SM4 数据密钥文件（32 位十六进制，duban keygen 生成），须放在数据目录之外、仅属主可读", str: &c.DataKeyFile},
		{key: "due-soon-workdays", usage: "到期前多少个工作日亮黄灯 (临期)", num: &c.DueSoonWorkdays},
		{key: "tls-cert", usage: "HTTPS 证书文件 (PEM，含中间证书)；与 --tls-key 同时设置时只提供 HTTPS", str: &c.TLSCert},
		{key: "tls-key", usage: "HTTPS 私钥文件 (PEM)", str: &c.TLSKey},
		{key: "trusted-proxies", usage: "可信反向代理 (CIDR 或地址，逗号分隔)：只采信它们的 X-Forwarded-For、X-Forwarded-Proto", list: &c.TrustedProxies},
		{key: "server-read-header-timeout", usage: "读取请求头的时限", dur: &c.ReadHeaderTimeout},
		{key: "server-read-timeout", usage: "读取整个请求的时限（含上传）", dur: &c.ReadTimeout},
		{key: "server-write-timeout", usage: "写出整个响应的时限（含导出下载）", dur: &c.WriteTimeout},
		{key: "server-idle-timeout", usage: "空闲长连接的保持时长", dur: &c.IdleTimeout},
		{key: "shutdown-timeout", usage: "优雅退出等待时长", dur: &c.ShutdownTimeout},
		{key: "log-level", usage: "日志级别 debug/info/warn/error", str: &c.LogLevel},
		{key: "log-format", usage: "日志格式: text（默认）或 json（每行一个 JSON 对象，供日志采集）", str: &c.LogFormat},
		{key: "response-cache-mb", usage: "响应缓存的内存上限 (MiB)；0 = 不缓存", num: &c.ResponseCacheMB},
		{key: "access-log", usage: "每个请求记一行访问日志（方法、路由、状态、耗时、字节数、来源地址；不记查询串和令牌）", flag: &c.AccessLog},
		{key: "metrics-token", usage: "/metrics 的 Bearer 令牌（至少 16 个字符）；留空则只认 metrics-allow 中的地址", str: &c.MetricsToken},
		{key: "metrics-allow", usage: "无需令牌即可读取 /metrics 的地址 (CIDR 或地址，逗号分隔)；默认只有本机", list: &c.MetricsAllow},
	}
}

// envName is the variable of a key: data → DUBAN_DATA, base-url → DUBAN_BASE_URL.
func envName(key string) string {
	b := []byte("DUBAN_" + key)
	for i, c := range b {
		switch {
		case c == '-':
			b[i] = '_'
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func fromEnv(c *Config, env func(string) string) error {
	for _, f := range fields(c) {
		v := env(envName(f.key))
		if v == "" {
			continue
		}
		var err error
		switch {
		case f.str != nil:
			*f.str = v
		case f.num != nil:
			*f.num, err = strconv.Atoi(v)
		case f.flag != nil:
			*f.flag, err = strconv.ParseBool(v)
		case f.dur != nil:
			err = f.dur.Set(v)
		case f.list != nil:
			*f.list = splitList(v)
		}
		if err != nil {
			return fmt.Errorf("config: %s=%q: %w", envName(f.key), v, err)
		}
	}
	return nil
}

func bindFlags(fs *flag.FlagSet, c *Config) {
	for _, f := range fields(c) {
		switch {
		case f.str != nil:
			fs.StringVar(f.str, f.key, *f.str, f.usage)
		case f.num != nil:
			fs.IntVar(f.num, f.key, *f.num, f.usage)
		case f.flag != nil:
			fs.BoolVar(f.flag, f.key, *f.flag, f.usage)
		case f.dur != nil:
			fs.Var(f.dur, f.key, f.usage)
		case f.list != nil:
			fs.Var(listValue{f.list}, f.key, f.usage)
		}
	}
}

// Keys lists every key with its variable, for the README and `duban config`.
func Keys() [][3]string {
	var c Config
	var out [][3]string
	for _, f := range fields(&c) {
		out = append(out, [3]string{f.key, envName(f.key), f.usage})
	}
	return out
}

// splitList reads "a, b,c" as [a b c]; an empty string is an empty list.
func splitList(s string) []string {
	out := []string{}
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// listValue is a comma-separated flag; each use replaces the list.
type listValue struct{ p *[]string }

func (l listValue) String() string {
	if l.p == nil {
		return ""
	}
	return strings.Join(*l.p, ",")
}

func (l listValue) Set(s string) error {
	*l.p = splitList(s)
	return nil
}
