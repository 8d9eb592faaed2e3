package api

import (
	"fmt"

	"github.com/duban/duban/internal/auth"
)

// passwordMessage words a password rule for the API's callers.
func passwordMessage(key string, p auth.Policy) string {
	switch key {
	case auth.PwTooShort:
		return fmt.Sprintf("密码至少 %d 位 (password too short)", p.MinLength)
	case auth.PwTooSimple:
		return fmt.Sprintf("密码须包含大写字母、小写字母、数字、符号中的至少 %d 类 (password too simple)", p.MinClasses)
	case auth.PwHasUsername:
		return "密码不能包含用户名 (password contains the username)"
	case auth.PwAllSameChars:
		return "密码不能由同一字符组成 (password is one repeated character)"
	}
	return key
}
