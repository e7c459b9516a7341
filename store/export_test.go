package store

// SetAppNarrowing switches the application's own narrowing of reads off or
// on, so a test can show that row security alone still refuses; it returns
// a function that restores the previous setting. Tests that use it must
// not run in parallel.
func SetAppNarrowing(on bool) (restore func()) {
	prev := appNarrowing
	appNarrowing = on
	return func() { appNarrowing = prev }
}
