/** The profile to save when an adviser fills in the CV with the person; nothing for the person's own. */
export function target(profileId: string | undefined): { profileId?: string } {
  return profileId ? { profileId } : {};
}
