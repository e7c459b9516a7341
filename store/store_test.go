package store_test

import (
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"

	"channelboard/channel"
)

func TestInTxRetriesSerializationFailures(t *testing.T) {
	f := newFixture(t)
	attempts := 0
	err := f.st.InTx(f.ctx, func(tx bun.Tx) error {
		attempts++
		// Each attempt writes; only the committed one may stay.
		if _, err := tx.NewRaw(`INSERT INTO product_lines (code, name) VALUES (?, 'Retry')`, "retry").Exec(f.ctx); err != nil {
			return err
		}
		if attempts < 3 {
			return &pgconn.PgError{Code: "40001", Message: "could not serialize access"}
		}
		return nil
	})
	if err != nil || attempts != 3 {
		t.Fatalf("err %v after %d attempts, want success on the 3rd", err, attempts)
	}
	var n int
	if err := f.st.DB().NewRaw(`SELECT count(*) FROM product_lines WHERE code = 'retry'`).Scan(f.ctx, &n); err != nil || n != 1 {
		t.Fatalf("%d rows (err %v): rolled-back attempts left rows", n, err)
	}

	attempts = 0
	err = f.st.InTx(f.ctx, func(tx bun.Tx) error {
		attempts++
		return &pgconn.PgError{Code: "40P01", Message: "deadlock detected"}
	})
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || attempts != 4 {
		t.Fatalf("a deadlock every time: err %v after %d attempts, want it returned after 4", err, attempts)
	}

	attempts = 0
	err = f.st.InTx(f.ctx, func(tx bun.Tx) error {
		attempts++
		return channel.Invalid("input.x", "no")
	})
	if channel.ErrorCode(err) != channel.EInvalid || attempts != 1 {
		t.Fatalf("other errors are not retried: %v after %d attempts", err, attempts)
	}
}
