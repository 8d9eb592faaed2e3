package records

import "time"

// RandomEntity is a 检查对象 of the 双随机 directory, one per 统一社会信用代码.
type RandomEntity struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Area     string `json:"area"`
	Industry string `json:"industry"`
	Grade    string `json:"grade"` // A … D, the risk grade
}

// RandomInspector is a 执法检查人员: their 执法证 number (Cert), the body
// that issued it, what they are qualified for, where they may check, and
// the entities they are tied to (回避), by 统一社会信用代码.
type RandomInspector struct {
	ID             int64    `json:"id"`
	Name           string   `json:"name"`
	Cert           string   `json:"cert"`
	UnitName       string   `json:"unit_name"`
	Qualifications []string `json:"qualifications"`
	Areas          []string `json:"areas"`
	Ties           []string `json:"ties"`
}

// RandomPlan is a 抽查计划 as stored: its department, its draw settings
// (Config, the randomdraw plan as JSON), the frozen snapshot and the
// secret seed with their hashes, and, once drawn, the record.
type RandomPlan struct {
	ID             int64      `json:"id"`
	UnitID         int64      `json:"unit_id"`
	Unit           string     `json:"unit"`
	Title          string     `json:"title"`
	Year           int        `json:"year"`
	Matter         string     `json:"matter"` // the 抽查事项
	PublishDays    int        `json:"publish_days"`
	Config         string     `json:"-"`
	PlanSHA256     string     `json:"plan_sha256"`
	Snapshot       string     `json:"-"`
	SnapshotSHA256 string     `json:"snapshot_sha256"`
	Seed           string     `json:"-"` // secret until the draw
	SeedSHA256     string     `json:"seed_sha256"`
	CommittedAt    time.Time  `json:"committed_at"`
	CreatedBy      string     `json:"created_by"`
	DrawnAt        *time.Time `json:"drawn_at"`
	DrawnBy        string     `json:"drawn_by"`
	Record         string     `json:"-"`
	RecordSHA256   string     `json:"record_sha256"`
}

// RandomCheck is one drawn entity with its team and, once entered, the
// result: when, the category, findings and follow-up, the 整改 deadline
// and the ledger task it opened, the publication deadline and when it
// was published.
type RandomCheck struct {
	ID            int64      `json:"id"`
	PlanID        int64      `json:"plan_id"`
	Seq           int        `json:"seq"`
	EntityCode    string     `json:"entity_code"`
	EntityName    string     `json:"entity_name"`
	InspectorKeys []string   `json:"-"`
	Inspectors    string     `json:"inspectors"`
	CheckedOn     string     `json:"checked_on"`
	Category      string     `json:"category"`
	Findings      string     `json:"findings"`
	FollowUp      string     `json:"follow_up"`
	RectifyDue    string     `json:"rectify_due"`
	TaskID        int64      `json:"task_id"`
	PublishDue    string     `json:"publish_due"`
	PublishedAt   *time.Time `json:"published_at"`
	EnteredBy     string     `json:"entered_by"`
	EnteredAt     *time.Time `json:"entered_at"`
}

// RandomResult is a check's result as entered.
type RandomResult struct {
	CheckedOn  string
	Category   string
	Findings   string
	FollowUp   string
	RectifyDue string
	TaskID     int64
	PublishDue string
	Publish    bool
}

// RandomMatter is an entry of a department's 抽查事项清单.
type RandomMatter struct {
	ID         int64  `json:"id"`
	UnitID     int64  `json:"unit_id"`
	Name       string `json:"name"`        // 事项名称
	ObjectType string `json:"object_type"` // 检查对象类型
	Basis      string `json:"basis"`       // 依据
	Method     string `json:"method"`      // 检查方式
}
