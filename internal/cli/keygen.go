package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/i18n"
)

func init() {
	register("keygen", "生成国密 SM4 数据密钥文件 (crypto: gm 的 data_key_file): keygen FILE", runKeygen)
}

// runKeygen writes a fresh 128-bit SM4 data key to FILE, readable by its
// owner only. An existing file is never overwritten: a key replaced under
// a database that was sealed with it loses that data for good.
func runKeygen(ctx context.Context, env *Env, args []string) error {
	fs0 := newFlags(env, "keygen", "FILE")
	rest, err := parseInterspersed(fs0, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fs0.Usage()
		return fmt.Errorf("需要一个文件名 (FILE expected): %w", errUsage)
	}
	file := rest[0]
	key, err := cryptosuite.NewKey()
	if err != nil {
		return err
	}
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
	fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.keygen.written", "file", file))
	return nil
}
