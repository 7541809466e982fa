#pragma once

class QPalette;
class QWidget;

namespace quango {

// The few colours the admin adds to the system palette, in one place: error
// text in Django admin's red, success in green, help text dimmed. Each has a
// light and a dark variant chosen from the palette's window colour, so the
// window stays readable when the system switches to a dark theme.
class Style {
public:
    enum class Role { Error, Success, Help, Destructive };

    // Sets the widget's text colour (and, for help, the smaller size).
    static void apply(QWidget *widget, Role role);
    static bool isDark(const QPalette &palette);
};

} // namespace quango
