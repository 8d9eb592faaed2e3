package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/workday"
)

// loadCalendar is the embedded official calendar with the schedules the
// office keeps in the calendar folder (calendar_dir; by default
// <data>/calendar) laid over it: a year published after this build, a
// locality's own days. A missing folder is the embedded calendar alone; a
// broken file stops the start with its name.
func loadCalendar(cfg config.Config, log *slog.Logger) (*workday.Calendar, error) {
	dir := cfg.CalendarDir
	if dir == "" {
		dir = filepath.Join(cfg.DataDir, "calendar")
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return workday.Default(), nil
	}
	cal, names, err := workday.LoadDir(workday.Default(), os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("calendar_dir %s: %w", dir, err)
	}
	if len(names) > 0 && log != nil {
		log.Info("calendar loaded", "dir", dir, "files", names, "years", cal.CoveredYears())
	}
	return cal, nil
}
