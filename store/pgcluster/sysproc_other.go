//go:build !linux

package pgcluster

import "syscall"

// sysProcAttr runs the server as cred in its own process group. Only Linux can
// tie the server's life to ours; elsewhere call Stop.
func sysProcAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Setpgid: true}
}
