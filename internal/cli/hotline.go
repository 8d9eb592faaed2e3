package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/duban/duban/internal/hotline"
)

// hotlineLimits reads the 12345 time limits of hotline_limits, or the
// Guangdong example for an empty path. A file that cannot apply stops the
// start with its name and the rule at fault: a ticket taken in under a
// broken rule would carry a wrong deadline for weeks.
func hotlineLimits(path string) (hotline.Limits, error) {
	if path == "" {
		return hotline.Guangdong(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("hotline_limits: %w", err)
	}
	// Notepad saves UTF-8 with a byte-order mark, which JSON does not allow.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // a misspelt "workday" must not pass as no limit
	var ls hotline.Limits
	if err := dec.Decode(&ls); err != nil {
		return nil, fmt.Errorf("hotline_limits %s: 应为时限规则的 JSON 数组（type、category、urgency、workdays 或 hours、sign_hours、return_hours）: %w", path, err)
	}
	if err := ls.Validate(); err != nil {
		return nil, fmt.Errorf("hotline_limits %s: %w", path, err)
	}
	if err := covers(ls); err != nil {
		return nil, fmt.Errorf("hotline_limits %s: %w", path, err)
	}
	return ls, nil
}

// covers checks that every ticket has a limit: each type, at each
// urgency, whatever its category. A gap would refuse the intake of such
// a ticket long after the start.
func covers(ls hotline.Limits) error {
	var errs []error
	for _, t := range hotline.Types {
		var missing []string
		for _, u := range []struct{ code, label string }{{hotline.Normal, "一般"}, {hotline.Urgent, "紧急"}, {hotline.Emergency, "特急"}} {
			if _, err := ls.For(t, "", u.code); err != nil {
				missing = append(missing, u.label)
			}
		}
		if len(missing) > 0 {
			errs = append(errs, fmt.Errorf("%s（type %s）缺少%s工单的规则：每种类型都要有类别留空（category 为空）的规则，紧急程度留空的规则适用于各种紧急程度",
				t.Label(), t, strings.Join(missing, "、")))
		}
	}
	return errors.Join(errs...)
}
