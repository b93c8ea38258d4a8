// Placeholder until the LessonKit module lands.
