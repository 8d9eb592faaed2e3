package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/i18n"
)

func init() {
	register("keygen", "生成密钥文件: keygen FILE 为国密 SM4 数据密钥 (data_key_file); keygen --audit-signing FILE 为审计签名私钥 (audit_signing_key_file)，并输出公钥", runKeygen)
}

// runKeygen writes a fresh 128-bit SM4 data key to FILE, or with
// --audit-signing a fresh Ed25519 audit signing key (its seed) and prints
// the public key that `audit verify --public-key` takes. The file is
// readable by its owner only. An existing file is never overwritten: a
// key replaced under a database that was sealed with it loses that data
// for good, and a replaced signing key leaves lines nobody can verify.
func runKeygen(ctx context.Context, env *Env, args []string) error {
	fs0 := newFlags(env, "keygen", "[--audit-signing] FILE")
	signing := fs0.Bool("audit-signing", false, "生成审计签名私钥 (Ed25519) 而不是 SM4 数据密钥，并输出公钥")
	rest, err := parseInterspersed(fs0, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fs0.Usage()
		return fmt.Errorf("需要一个文件名: %w", errUsage)
	}
	file := rest[0]
	var key, public string
	if *signing {
		key, public, err = audit.NewSigningKey()
	} else {
		key, err = cryptosuite.NewKey()
	}
	if err != nil {
		return err
	}
	if err := writeKeyFile(file, key); err != nil {
		return err
	}
	if *signing {
		fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.keygen.signing_written", "file", file, "public", public))
		return nil
	}
	fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.keygen.written", "file", file))
	return nil
}

// writeKeyFile creates file, mode 0600, holding key and a newline; it
// never overwrites, and leaves nothing behind when writing fails.
func writeKeyFile(file, key string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("keygen: %s (exists; never overwritten)", i18n.Lookup(i18n.Default, "cli.keygen.exists", "file", file))
	}
	if err != nil {
		return fmt.Errorf("keygen: %w", err)
	}
	_, err = f.WriteString(key + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
		return fmt.Errorf("keygen: %s: %w", file, err)
	}
	return nil
}
