export const savedSearches = {
  title: "Bewaarde zoekopdrachten",
};
