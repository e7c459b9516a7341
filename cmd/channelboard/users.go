package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"
	"golang.org/x/term"

	"channelboard/channel"
	"channelboard/store"
)

// withStore opens the database for a command and hands the store to fn.
func withStore(ctx context.Context, cmd *cli.Command, fn func(st *store.Store) error) error {
	m := NewMain(configFrom(cmd))
	defer m.Close()
	if err := m.OpenDatabase(ctx); err != nil {
		return err
	}
	return fn(store.New(m.db))
}

// asCLI names the operator's commands in the audit log: no one signs in
// on the command line, so the entries they write say "cli".
func asCLI(ctx context.Context, _ *cli.Command) (context.Context, error) {
	return store.WithActor(ctx, store.ActorCLI), nil
}

func userCommand() *cli.Command {
	return &cli.Command{
		Name:   "user",
		Usage:  "manage the people who sign in",
		Before: asCLI,
		Commands: []*cli.Command{
			{
				Name:  "add",
				Usage: "add a user (the password is asked for on a terminal, or read from stdin with --password-stdin)",
				Flags: append(databaseFlags(),
					&cli.StringFlag{Name: "email", Usage: "the user's e-mail, used to sign in", Required: true},
					&cli.StringFlag{Name: "role", Usage: "DIRECTOR, MANAGER, DEALER or ANALYST", Required: true},
					&cli.StringFlag{Name: "dealer", Usage: "dealer code, for a DEALER user"},
					&cli.StringFlag{Name: "password", Usage: "the password (visible to other local users in the process list; prefer the prompt or --password-stdin)"},
					&cli.BoolFlag{Name: "password-stdin", Usage: "read the password from the first line of standard input"},
					&cli.BoolFlag{Name: "no-password", Usage: "no password: the user signs in only with API tokens"},
				),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					password, err := readPassword(cmd)
					if err != nil {
						return err
					}
					return withStore(ctx, cmd, func(st *store.Store) error {
						u, err := st.CreateUser(ctx, store.UserCreate{
							Email:      cmd.String("email"),
							Role:       channel.Role(strings.ToUpper(cmd.String("role"))),
							DealerCode: cmd.String("dealer"),
							Password:   password,
						})
						if err != nil {
							return err
						}
						dealer := ""
						if u.DealerCode != "" {
							dealer = " of " + u.DealerCode
						}
						fmt.Fprintf(cmd.Writer, "added user %d: %s, %s%s\n", u.ID, u.Email, u.Role, dealer)
						return nil
					})
				},
			},
			{
				Name:  "list",
				Usage: "list the users",
				Flags: databaseFlags(),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					return withStore(ctx, cmd, func(st *store.Store) error {
						users, err := st.Users(ctx)
						if err != nil {
							return err
						}
						for _, u := range users {
							state := ""
							if u.Disabled {
								state = " (disabled)"
							}
							fmt.Fprintf(cmd.Writer, "%d\t%s\t%s\t%s%s\n", u.ID, u.Email, u.Role, u.DealerCode, state)
						}
						return nil
					})
				},
			},
		},
	}
}

// readPassword takes the new user's password from the flag, from stdin,
// or from a prompt on the terminal; --no-password makes a token-only user.
func readPassword(cmd *cli.Command) (string, error) {
	switch {
	case cmd.Bool("no-password"):
		if cmd.String("password") != "" || cmd.Bool("password-stdin") {
			return "", fmt.Errorf("--no-password contradicts --password and --password-stdin")
		}
		return "", nil
	case cmd.String("password") != "":
		return cmd.String("password"), checkedPassword(cmd.String("password"))
	case cmd.Bool("password-stdin"):
		line, err := bufio.NewReader(cmd.Reader).ReadString('\n')
		if err != nil && err != io.EOF {
			return "", fmt.Errorf("read the password from stdin: %w", err)
		}
		pw := strings.TrimRight(line, "\r\n")
		return pw, checkedPassword(pw)
	}
	f, ok := cmd.Reader.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", fmt.Errorf("give a password: a terminal prompt needs a terminal; use --password-stdin, --password or --no-password")
	}
	fmt.Fprint(cmd.ErrWriter, "Password: ")
	a, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(cmd.ErrWriter)
	if err != nil {
		return "", err
	}
	fmt.Fprint(cmd.ErrWriter, "Again: ")
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(cmd.ErrWriter)
	if err != nil {
		return "", err
	}
	if string(a) != string(b) {
		return "", fmt.Errorf("the passwords differ")
	}
	return string(a), checkedPassword(string(a))
}

func checkedPassword(pw string) error {
	if pw == "" {
		return fmt.Errorf("the password is empty (use --no-password for a token-only user)")
	}
	return channel.CheckNewPassword(pw)
}

// parseExpiry reads "90d", "12h", "2160h30m" (Go durations plus a d for
// days), or "never".
func parseExpiry(s string, now time.Time) (*time.Time, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "never" || s == "0" {
		return nil, nil
	}
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > 3650 {
			return nil, fmt.Errorf("--expires: %q is not a number of days from 1 to 3650", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil || d <= 0 {
			return nil, fmt.Errorf("--expires: %q is not a duration like 90d, 12h or never", s)
		}
	}
	t := now.Add(d).UTC()
	return &t, nil
}

func tokenCommand() *cli.Command {
	return &cli.Command{
		Name:   "token",
		Usage:  "manage API tokens (Authorization: Bearer) for analysts and integrations",
		Before: asCLI,
		Commands: []*cli.Command{
			{
				Name:  "create",
				Usage: "create a token for a user; the token is printed once, alone on the last line",
				Flags: append(databaseFlags(),
					&cli.StringFlag{Name: "user", Usage: "e-mail of the user the token acts as", Required: true},
					&cli.StringFlag{Name: "name", Usage: "what the token is for, to recognise it later"},
					&cli.StringFlag{Name: "expires", Usage: "lifetime: 90d, 12h, … or never", Value: "90d"},
				),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					exp, err := parseExpiry(cmd.String("expires"), time.Now())
					if err != nil {
						return err
					}
					return withStore(ctx, cmd, func(st *store.Store) error {
						u, err := st.UserByEmail(ctx, cmd.String("user"))
						if err != nil {
							return err
						}
						nt, err := st.CreateToken(ctx, store.TokenCreate{UserID: u.ID, Name: cmd.String("name"), ExpiresAt: exp})
						if err != nil {
							return err
						}
						until := "never expires"
						if exp != nil {
							until = "expires " + exp.Format(time.RFC3339)
						}
						fmt.Fprintf(cmd.Writer, "token %d (%s…) for %s, %s, %s.\n", nt.Token.ID, nt.Token.Prefix, u.Email, u.Role, until)
						fmt.Fprintln(cmd.Writer, "Copy it now: it is shown only once. Send it as: Authorization: Bearer <token>")
						fmt.Fprintln(cmd.Writer, nt.Secret)
						return nil
					})
				},
			},
			{
				Name:      "revoke",
				Usage:     "revoke a token by its id or prefix (cb_ and 8 characters)",
				ArgsUsage: "PREFIX|ID",
				Flags:     databaseFlags(),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					if cmd.Args().Len() != 1 {
						return fmt.Errorf("name one token: channelboard token revoke PREFIX|ID")
					}
					return withStore(ctx, cmd, func(st *store.Store) error {
						t, err := st.RevokeToken(ctx, cmd.Args().First())
						if err != nil {
							return err
						}
						fmt.Fprintf(cmd.Writer, "revoked token %d (%s…)\n", t.ID, t.Prefix)
						return nil
					})
				},
			},
			{
				Name:  "list",
				Usage: "list tokens (never their secrets)",
				Flags: append(databaseFlags(), &cli.StringFlag{Name: "user", Usage: "only this user's tokens"}),
				Action: func(ctx context.Context, cmd *cli.Command) error {
					return withStore(ctx, cmd, func(st *store.Store) error {
						var userID int64
						if e := cmd.String("user"); e != "" {
							u, err := st.UserByEmail(ctx, e)
							if err != nil {
								return err
							}
							userID = u.ID
						}
						tokens, err := st.Tokens(ctx, userID)
						if err != nil {
							return err
						}
						for _, t := range tokens {
							state := "active"
							switch {
							case t.RevokedAt != nil:
								state = "revoked"
							case t.ExpiresAt != nil && !time.Now().Before(*t.ExpiresAt):
								state = "expired"
							}
							fmt.Fprintf(cmd.Writer, "%d\t%s…\tuser %d\t%s\t%s\n", t.ID, t.Prefix, t.UserID, state, t.Name)
						}
						return nil
					})
				},
			},
		},
	}
}
