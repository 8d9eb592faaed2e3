package records

import (
	"time"

	"github.com/duban/duban/internal/assess"
)

// SchemeVersion is a stored scoring scheme: the draft, or a version the
// office published.
type SchemeVersion struct {
	ID          int64         `json:"id"`
	Scheme      assess.Scheme `json:"scheme"`
	Status      string        `json:"status"` // draft, published
	SavedBy     string        `json:"saved_by"`
	SavedAt     time.Time     `json:"saved_at"`
	PublishedAt *time.Time    `json:"published_at,omitempty"`
}
