package messages

// Keys of this feature's notices (httpx.SetNotice).
const (
	NoticeArchived = "message-archive"
	NoticeRestored = "message-restaure"
)

// Notices are the French texts of this feature's notices, registered at
// start-up (httpx.WithNotices).
func Notices() map[string]string {
	return map[string]string{
		NoticeArchived: "Le message a été archivé : il est dans les messages archivés.",
		NoticeRestored: "Le message a été restauré : il est de nouveau dans les messages reçus.",
	}
}
