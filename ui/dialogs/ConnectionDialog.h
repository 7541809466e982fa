#pragma once
#include "db/DatabaseUrl.h"
#include <QDialog>
#include <functional>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace quango {

// Chooses the database the admin window works on: the embedded SQLite file
// (the default), another SQLite file, or a PostgreSQL server by URL, with the
// recently used ones (RecentDatabases) to pick from. "Connect" makes the
// choice the default connection (DatabaseChooser) and is accepted only once
// the database answers; a bad URL or a failed connection shows its message
// beside the field, which keeps what was typed.
class ConnectionDialog : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Embedded, SqliteFile, Postgres };
    // Asks for an SQLite file. The default shows a QFileDialog; tests put a
    // path in its place. An empty string: cancelled.
    using FileChooser = std::function<QString(QWidget *parent, const QString &current)>;

    // `embeddedUrl`: the default SQLite database (Settings::defaultDatabaseUrl).
    explicit ConnectionDialog(const QString &embeddedUrl, QWidget *parent = nullptr);

    // Shows `url` as the choice (a recent entry, the command line's), and an
    // error beside it when given (why connecting to it failed).
    void setUrl(const QString &url, const QString &error = {});
    Choice choice() const;
    void setChoice(Choice choice);
    // The database connected to, once the dialog is accepted.
    const DatabaseUrl &url() const { return m_url; }
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    QRadioButton *choiceButton(Choice choice) const;
    QLineEdit *sqlitePathEdit() const { return m_sqlitePath; }
    QPushButton *browseButton() const { return m_browse; }
    QLineEdit *postgresUrlEdit() const { return m_postgresUrl; }
    QLineEdit *passwordEdit() const { return m_password; }
    // The message beside a choice's fields (hidden when there is none).
    QLabel *errorLabel(Choice choice) const;
    QListWidget *recentList() const { return m_recent; }
    QPushButton *connectButton() const { return m_connect; }

public Q_SLOTS:
    // Validates the choice, connects, remembers it and accepts; on failure
    // the message goes beside the field and the dialog stays.
    void tryConnect();
    // "Browse…": an SQLite file through the file chooser.
    void browse();

private:
    void showError(Choice choice, const QString &message);
    void clearErrors();
    void useRecent(int row);
    void fillRecent();

    QString m_embeddedUrl;
    DatabaseUrl m_url;
    FileChooser m_chooseFile;
    QButtonGroup *m_choices;
    QRadioButton *m_embedded;
    QRadioButton *m_sqlite;
    QRadioButton *m_postgres;
    QLineEdit *m_sqlitePath;
    QPushButton *m_browse;
    QLineEdit *m_postgresUrl;
    QLineEdit *m_password;
    QLabel *m_embeddedError;
    QLabel *m_sqliteError;
    QLabel *m_postgresError;
    QLabel *m_recentTitle = nullptr;
    QListWidget *m_recent;
    QDialogButtonBox *m_buttons;
    QPushButton *m_connect;
};

} // namespace quango
