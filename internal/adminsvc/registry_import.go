package adminsvc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/xlsxout"
)

// RegistryImport is what an import registered: the units, and the
// accounts with their one-time passwords, which are shown once to the
// administrator who imported them and kept nowhere in clear.
type RegistryImport struct {
	Units    []records.Unit
	Accounts []ImportedAccount
}

// ImportedAccount is an account an import created and its one-time
// password; its holder must change it at first sign-in.
type ImportedAccount struct {
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Role        authz.Role `json:"role"`
	Password    string     `json:"password"`
}

// RegistryTemplate is the import's template: the units and accounts
// sheets with their headers and an example row each (skipped on import:
// its first cell begins with 例), and a sheet that says how to fill them.
func (s *Service) RegistryTemplate(p authz.Principal) ([]byte, error) {
	if !mayImport(p) {
		return nil, fault.ErrForbidden
	}
	var kinds, roles []string
	for _, k := range records.UnitKinds {
		kinds = append(kinds, i18n.Lookup(i18n.ZhCN, "unit.kind."+k))
	}
	for _, r := range []authz.Role{authz.SysAdmin, authz.SecAdmin, authz.AuditAdmin} {
		roles = append(roles, r.Label())
	}
	return xlsxout.Write([]xlsxout.Sheet{
		{Name: sheetUnits, Header: []string{colUnitName + "*", colUnitParent, colUnitKind, colUnitAlias, colUnitEmail},
			Widths: []float64{30, 30, 18, 30, 30},
			Rows:   [][]any{{"例：市发展和改革委员会", "", i18n.Lookup(i18n.ZhCN, "unit.kind.department"), "市发改委、市发展改革委", "fgw@example.gov.cn"}}},
		{Name: sheetAccounts, Header: []string{colUsername + "*", colFullName, colRole}, Widths: []float64{20, 16, 16},
			Rows: [][]any{{"例：fgw-liaison", "张三", ""}}},
		{Name: "说明", Header: []string{"项目", "说明"}, Widths: []float64{16, 90}, Rows: [][]any{
			{"整体", "两张表可只填一张。整份文件要么全部导入，要么一条也不导入；有误时按“表、行、列”列出每一处问题。第一格以“例”开头的行是示例，导入时跳过。"},
			{colUnitName, "必填，单位全称；不得与已登记的单位名称或别名重复。"},
			{colUnitParent, "可空；填已登记的单位名称，或本表中的另一单位。"},
			{colUnitKind, "可空（为“其他”）；可填：" + strings.Join(kinds, "、") + "。"},
			{colUnitAlias, "可空；多个别名用顿号或逗号分隔。导入方案时按全称和别名匹配单位。"},
			{colUnitEmail, "可空；督查提醒和督办单发往此邮箱，多个用逗号分隔。"},
			{colUsername, "必填；2–32 位字母、数字、点、下划线或连字符。"},
			{colFullName, "可空。"},
			{colRole, "可空：账号建成后由安全管理员授予业务角色并绑定单位（三员分立）。安全管理员导入时可填：" + strings.Join(roles, "、") + "。"},
			{"初始密码", "每个账号生成一次性初始密码，导入后只显示一次，首次登录须修改。"},
		}},
	})
}

// mayImport: the units sheet is for whoever keeps the registry, the
// accounts sheet for whoever creates accounts of some kind.
func mayImport(p authz.Principal) bool {
	return authz.Allowed(p, authz.UnitWrite) || authz.Allowed(p, authz.UserCreate) || authz.Allowed(p, authz.AdminCreate)
}

// ImportRegistry registers the units and accounts of an .xlsx made from
// RegistryTemplate, all or nothing: every problem of the file is listed
// at its sheet, row and column, and if there is one nothing is
// registered. Accounts get one-time passwords, returned for showing once;
// their roles follow 三员分立 as CreateUser's do (authz.CanCreateAccount:
// the system administrator makes accounts without a role, the security
// administrator administrators' accounts). Units need UnitWrite.
func (s *Service) ImportRegistry(ctx context.Context, p authz.Principal, actor audit.Actor, file io.Reader) (*RegistryImport, error) {
	if p.UserID == 0 && p.Role == "" {
		return nil, fault.ErrUnauthenticated
	}
	if !mayImport(p) {
		return nil, fault.ErrForbidden
	}
	unitSheet, accountSheet, err := readWorkbook(file)
	if err != nil {
		return nil, err
	}
	if unitSheet != nil && len(unitSheet.rows) > 0 && !authz.Allowed(p, authz.UnitWrite) {
		return nil, fault.New(fault.Forbidden, "error.import_units_forbidden")
	}
	if accountSheet != nil && len(accountSheet.rows) > 0 && !authz.Allowed(p, authz.UserCreate) && !authz.Allowed(p, authz.AdminCreate) {
		return nil, fault.New(fault.Forbidden, "error.import_accounts_forbidden")
	}
	pr := problems{fields: map[string]string{}, labels: map[string]fault.Label{}}
	var batch records.RegistryImport
	if unitSheet != nil {
		existing, err := s.Store.FindUnits(ctx)
		if err != nil {
			return nil, fmt.Errorf("adminsvc: import: units: %w", err)
		}
		batch.Units = checkUnitRows(unitSheet, existing, &pr)
	}
	var accounts []ImportedAccount
	if accountSheet != nil {
		existing, err := s.Store.FindUsers(ctx)
		if err != nil {
			return nil, fmt.Errorf("adminsvc: import: users: %w", err)
		}
		accounts = s.checkAccountRows(p, accountSheet, existing, &pr)
	}
	if len(pr.fields) > 0 {
		return nil, &fault.Error{Code: fault.Invalid, Key: "error.import_problems", Fields: pr.fields, Labels: pr.labels,
			Args: map[string]any{"n": len(pr.fields)}}
	}
	if len(batch.Units) == 0 && len(accounts) == 0 {
		return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"file": "error.import_empty"}}
	}
	for i := range accounts {
		pw, err := s.oneTimePassword(accounts[i].Username)
		if err != nil {
			return nil, err
		}
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return nil, fmt.Errorf("adminsvc: hash password: %w", err)
		}
		accounts[i].Password = pw
		batch.Users = append(batch.Users, records.UserCreate{Username: accounts[i].Username, DisplayName: accounts[i].DisplayName,
			Role: accounts[i].Role, PasswordHash: hash, MustChangePassword: true})
	}
	units, _, err := s.Store.ImportRegistry(ctx, actor, batch)
	switch {
	case errors.Is(err, fault.ErrConflict), errors.Is(err, fault.ErrNotFound):
		// The registry changed between the check and the write.
		return nil, &fault.Error{Code: fault.Conflict, Key: "error.import_changed", Err: err}
	case err != nil:
		return nil, fmt.Errorf("adminsvc: import registry: %w", err)
	}
	return &RegistryImport{Units: units, Accounts: accounts}, nil
}

// problems collects a file's problems, each at its cell.
type problems struct {
	fields map[string]string
	labels map[string]fault.Label
}

func (pr *problems) add(s *sheet, row int, column, key string) {
	id, label := s.cell(row, column)
	if _, ok := pr.fields[id]; !ok {
		pr.fields[id], pr.labels[id] = key, label
	}
}

// checkUnitRows checks the units sheet against the registry and itself
// and returns its units ordered so that a parent comes before its
// children.
func checkUnitRows(s *sheet, existing []records.Unit, pr *problems) []records.ImportUnit {
	taken := map[string]bool{}   // names and aliases of the registry
	canon := map[string]string{} // a registered name or alias → the unit's name
	for _, u := range existing {
		taken[u.Name], canon[u.Name] = true, u.Name
		for _, a := range u.Aliases {
			taken[a], canon[a] = true, u.Name
		}
	}
	inSheet := map[string]int{} // names and aliases of the sheet → row
	var out []records.ImportUnit
	rowOf := map[string]int{}
	for _, r := range s.rows {
		name := r.cells[colUnitName]
		switch {
		case name == "":
			pr.add(s, r.n, colUnitName, "error.required")
		case utf8.RuneCountInString(name) > signin.MaxNameLen:
			pr.add(s, r.n, colUnitName, "error.too_long")
		case taken[name]:
			pr.add(s, r.n, colUnitName, "error.unit_name_taken")
		case inSheet[name] != 0:
			pr.add(s, r.n, colUnitName, "error.import_duplicate")
		}
		if name != "" {
			inSheet[name], rowOf[name] = r.n, r.n
		}
		kind := records.UnitOther
		if k := r.cells[colUnitKind]; k != "" {
			if kind = unitKindOf(k); kind == "" {
				pr.add(s, r.n, colUnitKind, "error.kind_invalid")
			}
		}
		var aliases []string
		for _, a := range splitNames(r.cells[colUnitAlias]) {
			switch {
			case utf8.RuneCountInString(a) > signin.MaxNameLen:
				pr.add(s, r.n, colUnitAlias, "error.too_long")
			case a == name:
				pr.add(s, r.n, colUnitAlias, "error.alias_is_name")
			case taken[a]:
				pr.add(s, r.n, colUnitAlias, "error.unit_name_taken")
			case inSheet[a] != 0:
				pr.add(s, r.n, colUnitAlias, "error.import_duplicate")
			}
			inSheet[a] = r.n
			aliases = append(aliases, a)
		}
		email, err := records.NormalizeEmails(r.cells[colUnitEmail])
		if err != nil {
			pr.add(s, r.n, colUnitEmail, "error.email_invalid")
		}
		out = append(out, records.ImportUnit{UnitCreate: records.UnitCreate{Name: name, Kind: kind, Aliases: aliases, Email: email},
			ParentName: r.cells[colUnitParent]})
	}
	// Parents: a registered unit (by name or alias) or another row.
	for i := range out {
		u := &out[i]
		switch parent := u.ParentName; {
		case parent == "":
		case parent == u.Name:
			pr.add(s, rowOf[u.Name], colUnitParent, "error.parent_cycle")
		case rowOf[parent] != 0:
		case canon[parent] != "":
			u.ParentName = canon[parent]
		default:
			pr.add(s, rowOf[u.Name], colUnitParent, "error.import_parent_unknown")
		}
	}
	return parentsFirst(s, out, rowOf, pr)
}

// parentsFirst orders the sheet's units so that a unit whose parent is
// another row comes after it; rows whose parents go round in a loop are
// refused.
func parentsFirst(s *sheet, in []records.ImportUnit, rowOf map[string]int, pr *problems) []records.ImportUnit {
	byName := map[string]records.ImportUnit{}
	for _, u := range in {
		byName[u.Name] = u
	}
	state := map[string]int{} // 1 visiting, 2 placed
	var out []records.ImportUnit
	var place func(u records.ImportUnit) bool
	place = func(u records.ImportUnit) bool {
		switch state[u.Name] {
		case 1:
			return false
		case 2:
			return true
		}
		state[u.Name] = 1
		if p, ok := byName[u.ParentName]; ok && p.Name != u.Name && !place(p) {
			pr.add(s, rowOf[u.Name], colUnitParent, "error.parent_cycle")
			return false
		}
		state[u.Name] = 2
		out = append(out, u)
		return true
	}
	for _, u := range in {
		place(u)
	}
	return out
}

// checkAccountRows checks the accounts sheet: usernames free and well
// formed, names not too long, roles that p may give at creation.
func (s *Service) checkAccountRows(p authz.Principal, sh *sheet, existing []records.User, pr *problems) []ImportedAccount {
	taken := map[string]bool{}
	for _, u := range existing {
		taken[strings.ToLower(u.Username)] = true
	}
	seen := map[string]bool{}
	var out []ImportedAccount
	for _, r := range sh.rows {
		a := ImportedAccount{Username: r.cells[colUsername], DisplayName: r.cells[colFullName]}
		problems := map[string]string{}
		signin.CheckAccount(s.Policy, problems, a.Username, a.DisplayName, "")
		if k := problems["username"]; k != "" {
			pr.add(sh, r.n, colUsername, k)
		} else if key := strings.ToLower(a.Username); taken[key] {
			pr.add(sh, r.n, colUsername, "error.username_taken")
		} else if seen[key] {
			pr.add(sh, r.n, colUsername, "error.import_duplicate")
		}
		seen[strings.ToLower(a.Username)] = true
		if k := problems["display_name"]; k != "" {
			pr.add(sh, r.n, colFullName, k)
		}
		if v := r.cells[colRole]; v != "" {
			role := roleOf(v)
			switch {
			case role == "":
				pr.add(sh, r.n, colRole, "error.role_invalid")
			case !role.IsAdmin():
				// A business role is the security administrator's to grant
				// once the account exists, never given at creation.
				pr.add(sh, r.n, colRole, "error.import_business_role")
			case !authz.CanCreateAccount(p, role):
				pr.add(sh, r.n, colRole, "error.admin_account_secadmin")
			}
			a.Role = role
		} else if !authz.CanCreateAccount(p, "") {
			pr.add(sh, r.n, colRole, "error.import_role_required")
		}
		out = append(out, a)
	}
	return out
}

// unitKindOf reads a unit's kind as its code or its name in either
// script ("department", 市直部门); "" when it is neither.
func unitKindOf(v string) string {
	for _, k := range records.UnitKinds {
		if v == k {
			return k
		}
		for _, l := range i18n.Langs {
			if v == i18n.Lookup(l, "unit.kind."+k) {
				return k
			}
		}
	}
	return ""
}

// roleOf reads a role as its code or its name in either script; "" when
// it is neither.
func roleOf(v string) authz.Role {
	for _, r := range authz.Roles {
		if v == string(r) || v == r.Label() {
			return r
		}
		for _, l := range i18n.Langs {
			if v == i18n.Lookup(l, "role."+string(r)) {
				return r
			}
		}
	}
	return ""
}

// splitNames reads a list of names separated by 、, commas, semicolons
// or line breaks.
func splitNames(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == ',' || r == '，' || r == '、' || r == ';' || r == '；'
	}) {
		if a = strings.TrimSpace(a); a != "" && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}
