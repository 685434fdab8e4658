package children

// Keys of this feature's notices (httpx.SetNotice); their cookie values are
// those of the first version.
const (
	NoticeChildSaved           = "enfant-enregistre"
	NoticeChildSavedNoGuardian = "enfant-enregistre-sans-parents"
	NoticeChildDeleted         = "enfant-supprime"
)

// Notices are the French texts of this feature's notices, registered at
// start-up (httpx.WithNotices).
func Notices() map[string]string {
	return map[string]string{
		NoticeChildSaved: "La fiche de l'enfant est enregistrée.",
		NoticeChildSavedNoGuardian: "La fiche de l'enfant est enregistrée. Pensez à compléter les coordonnées des parents : " +
			"la loi vous oblige à les préciser.",
		NoticeChildDeleted: "La fiche de l'enfant a été supprimée.",
	}
}
