package store

import (
	"context"
	"database/sql/driver"
	"errors"

	"github.com/jackc/pgx/v5/stdlib"
)

// pgx's database/sql adapter answers a statement whose context ended just
// before it was sent with driver.ErrBadConn, inviting database/sql to retry
// on another connection. Outside a transaction that retry then reports the
// context's error; inside one database/sql cannot retry and hands
// "driver: bad connection" to the caller, who can then not tell a
// cancelled request from a broken database. SQLite reports
// context.Canceled. The types below make PostgreSQL do the same: they are
// pgx's own connection and statement, with the error of the four calls
// that take a context put right.

// ctxConnector hands out ctxConns.
type ctxConnector struct{ driver.Connector }

// Connect implements driver.Connector.
func (c ctxConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	if pc, ok := conn.(*stdlib.Conn); ok {
		return ctxConn{pc}, nil
	}
	return conn, nil
}

// ctxConn is a pgx connection. Embedding keeps every optional interface
// database/sql looks for (session reset, named values, ping).
type ctxConn struct{ *stdlib.Conn }

// BeginTx implements driver.ConnBeginTx.
func (c ctxConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.Conn.BeginTx(ctx, opts)
	return tx, ctxErr(ctx, err)
}

// ExecContext implements driver.ExecerContext.
func (c ctxConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, err := c.Conn.ExecContext(ctx, query, args)
	return r, ctxErr(ctx, err)
}

// QueryContext implements driver.QueryerContext.
func (c ctxConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := c.Conn.QueryContext(ctx, query, args)
	return r, ctxErr(ctx, err)
}

// PrepareContext implements driver.ConnPrepareContext.
func (c ctxConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.Conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, ctxErr(ctx, err)
	}
	if ps, ok := st.(*stdlib.Stmt); ok {
		return ctxStmt{ps}, nil
	}
	return st, nil
}

// ctxStmt is a pgx prepared statement.
type ctxStmt struct{ *stdlib.Stmt }

// ExecContext implements driver.StmtExecContext.
func (s ctxStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	r, err := s.Stmt.ExecContext(ctx, args)
	return r, ctxErr(ctx, err)
}

// QueryContext implements driver.StmtQueryContext.
func (s ctxStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := s.Stmt.QueryContext(ctx, args)
	return r, ctxErr(ctx, err)
}

// ctxErr replaces a bad-connection error with the context's own error when
// the context has ended, which is then the real cause.
func ctxErr(ctx context.Context, err error) error {
	if errors.Is(err, driver.ErrBadConn) && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}
