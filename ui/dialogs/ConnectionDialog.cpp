#include "ui/dialogs/ConnectionDialog.h"
#include "orm/Exceptions.h"
#include "ui/Icons.h"
#include "views/admin/DatabaseChooser.h"
#include "views/admin/RecentDatabases.h"
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace quango {

namespace {
QLabel *makeErrorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Bold rather than a colour: the palette has no error role, and a fixed
    // red would be unreadable on some dark themes.
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->hide();
    return label;
}
} // namespace

ConnectionDialog::ConnectionDialog(const QString &embeddedUrl, QWidget *parent)
    : QDialog(parent), m_embeddedUrl(embeddedUrl), m_choices(new QButtonGroup(this)),
      m_embedded(new QRadioButton(tr("&Embedded database"), this)), m_sqlite(new QRadioButton(tr("Another &SQLite file:"), this)),
      m_postgres(new QRadioButton(tr("&PostgreSQL URL:"), this)), m_sqlitePath(new QLineEdit(this)),
      m_browse(new QPushButton(Icons::icon(QStringLiteral("search")), tr("&Browse…"), this)), m_postgresUrl(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_embeddedError(makeErrorLabel(this, QStringLiteral("embeddedError"))),
      m_sqliteError(makeErrorLabel(this, QStringLiteral("sqliteError"))), m_postgresError(makeErrorLabel(this, QStringLiteral("postgresError"))),
      m_recent(new QListWidget(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)), m_connect(nullptr)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect to a database"));
    setWindowIcon(Icons::icon(QStringLiteral("database")));
    m_chooseFile = [](QWidget *owner, const QString &current) {
        return QFileDialog::getSaveFileName(owner, tr("Choose or create an SQLite database"), current,
                                            tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"), nullptr,
                                            QFileDialog::DontConfirmOverwrite);
    };

    auto *layout = new QVBoxLayout(this);
    m_recentTitle = new QLabel(tr("&Recent databases:"), this);
    m_recentTitle->setBuddy(m_recent);
    layout->addWidget(m_recentTitle);
    m_recent->setObjectName(QStringLiteral("recentList"));
    m_recent->setAccessibleName(tr("Recent databases"));
    m_recent->setAccessibleDescription(tr("Choose one to fill in the fields below; double-click or Enter connects."));
    m_recent->setMaximumHeight(fontMetrics().height() * 8);
    layout->addWidget(m_recent);

    auto *grid = new QGridLayout;
    int row = 0;
    m_embedded->setObjectName(QStringLiteral("embeddedChoice"));
    m_embedded->setAccessibleName(tr("Embedded SQLite database"));
    auto *embeddedPath = new QLabel(DatabaseUrl::parse(m_embeddedUrl).path(), this);
    embeddedPath->setObjectName(QStringLiteral("embeddedPath"));
    embeddedPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    embeddedPath->setAccessibleName(tr("Embedded database file"));
    grid->addWidget(m_embedded, row, 0);
    grid->addWidget(embeddedPath, row++, 1, 1, 2);
    grid->addWidget(m_embeddedError, row++, 1, 1, 2);

    m_sqlite->setObjectName(QStringLiteral("sqliteChoice"));
    m_sqlite->setAccessibleName(tr("Another SQLite file"));
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_sqlitePath->setAccessibleName(tr("SQLite file path"));
    m_sqlitePath->setPlaceholderText(tr("/path/to/database.sqlite3"));
    m_sqlitePath->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAccessibleName(tr("Browse for an SQLite file"));
    m_browse->setAutoDefault(false);
    grid->addWidget(m_sqlite, row, 0);
    grid->addWidget(m_sqlitePath, row, 1);
    grid->addWidget(m_browse, row++, 2);
    grid->addWidget(m_sqliteError, row++, 1, 1, 2);

    m_postgres->setObjectName(QStringLiteral("postgresChoice"));
    m_postgres->setAccessibleName(tr("PostgreSQL server"));
    m_postgresUrl->setObjectName(QStringLiteral("postgresUrl"));
    m_postgresUrl->setAccessibleName(tr("PostgreSQL URL"));
    m_postgresUrl->setPlaceholderText(tr("postgres://user@host:5432/dbname"));
    m_postgresUrl->setClearButtonEnabled(true);
    grid->addWidget(m_postgres, row, 0);
    grid->addWidget(m_postgresUrl, row++, 1, 1, 2);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
    passwordLabel->setBuddy(m_password);
    passwordLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_password->setObjectName(QStringLiteral("postgresPassword"));
    m_password->setAccessibleName(tr("PostgreSQL password"));
    m_password->setAccessibleDescription(tr("Used for this connection only; never remembered."));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("if the server asks for one (never stored)"));
    grid->addWidget(passwordLabel, row, 0);
    grid->addWidget(m_password, row++, 1, 1, 2);
    grid->addWidget(m_postgresError, row++, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    m_choices->addButton(m_embedded, int(Choice::Embedded));
    m_choices->addButton(m_sqlite, int(Choice::SqliteFile));
    m_choices->addButton(m_postgres, int(Choice::Postgres));
    m_embeddedError->setAccessibleName(tr("Embedded database error"));
    m_sqliteError->setAccessibleName(tr("SQLite file error"));
    m_postgresError->setAccessibleName(tr("PostgreSQL error"));

    m_connect = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setIcon(Icons::icon(QStringLiteral("database")));
    m_connect->setAccessibleName(tr("Connect"));
    m_connect->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(m_buttons);

    // Typing into a choice's field chooses it.
    connect(m_sqlitePath, &QLineEdit::textEdited, this, [this] { setChoice(Choice::SqliteFile); });
    connect(m_postgresUrl, &QLineEdit::textEdited, this, [this] { setChoice(Choice::Postgres); });
    connect(m_password, &QLineEdit::textEdited, this, [this] { setChoice(Choice::Postgres); });
    connect(m_browse, &QPushButton::clicked, this, &ConnectionDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::tryConnect);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_recent, &QListWidget::currentRowChanged, this, &ConnectionDialog::useRecent);
    // Enter is the Connect button's (the entry is chosen already); a double
    // click connects too. Not itemActivated: with Enter both would connect.
    connect(m_recent, &QListWidget::itemDoubleClicked, this, [this] { tryConnect(); });

    fillRecent();
    if (m_recent->count() > 0)
        m_recent->setCurrentRow(0); // the last database used, as editors reopen the last project
    else
        setChoice(Choice::Embedded);
    resize(620, sizeHint().height());
}

void ConnectionDialog::fillRecent()
{
    m_recent->clear();
    const QString embeddedId = RecentDatabases::identity(DatabaseUrl::parse(m_embeddedUrl));
    const QIcon icon = Icons::icon(QStringLiteral("database"));
    const RecentDatabases recent;
    for (const QString &text : recent.urls()) {
        const DatabaseUrl url = DatabaseUrl::parse(text); // RecentDatabases keeps only URLs that parse
        QString shown = text;
        if (RecentDatabases::identity(url) == embeddedId)
            shown = tr("Embedded database — %1").arg(url.path());
        else if (url.vendor() == DatabaseUrl::Vendor::Sqlite)
            shown = tr("%1 — %2").arg(QFileInfo(url.path()).fileName(), url.path());
        auto *item = new QListWidgetItem(icon, shown, m_recent);
        item->setData(Qt::UserRole, text);
        item->setToolTip(text);
    }
    m_recent->setVisible(m_recent->count() > 0);
    m_recentTitle->setVisible(m_recent->count() > 0);
}

void ConnectionDialog::useRecent(int row)
{
    if (const QListWidgetItem *item = m_recent->item(row))
        setUrl(item->data(Qt::UserRole).toString());
}

QRadioButton *ConnectionDialog::choiceButton(Choice choice) const
{
    switch (choice) {
    case Choice::Embedded: return m_embedded;
    case Choice::SqliteFile: return m_sqlite;
    case Choice::Postgres: return m_postgres;
    }
    return nullptr;
}

QLabel *ConnectionDialog::errorLabel(Choice choice) const
{
    switch (choice) {
    case Choice::Embedded: return m_embeddedError;
    case Choice::SqliteFile: return m_sqliteError;
    case Choice::Postgres: return m_postgresError;
    }
    return nullptr;
}

ConnectionDialog::Choice ConnectionDialog::choice() const
{
    const int id = m_choices->checkedId();
    return id < 0 ? Choice::Embedded : Choice(id);
}

void ConnectionDialog::setChoice(Choice choice) { choiceButton(choice)->setChecked(true); }

void ConnectionDialog::setUrl(const QString &text, const QString &error)
{
    clearErrors();
    Choice chosen = Choice::Postgres;
    try {
        const DatabaseUrl url = DatabaseUrl::parse(text);
        const DatabaseUrl embedded = DatabaseUrl::parse(m_embeddedUrl);
        if (RecentDatabases::identity(url) == RecentDatabases::identity(embedded)) {
            chosen = Choice::Embedded;
        } else if (url.vendor() == DatabaseUrl::Vendor::Sqlite) {
            chosen = Choice::SqliteFile;
            m_sqlitePath->setText(url.path());
        } else {
            // The password goes to its own field, shown as dots, never in the URL's.
            m_postgresUrl->setText(DatabaseChooser::withPassword(url, {}).url());
            m_password->setText(url.password());
        }
    } catch (const ImproperlyConfigured &invalid) {
        // Not a URL we read: keep it where it can be corrected.
        m_postgresUrl->setText(text);
        showError(Choice::Postgres, invalid.message());
    }
    setChoice(chosen);
    if (!error.isEmpty())
        showError(chosen, error);
}

void ConnectionDialog::browse()
{
    const QString path = m_chooseFile(this, m_sqlitePath->text());
    if (path.isEmpty())
        return;
    m_sqlitePath->setText(path);
    setChoice(Choice::SqliteFile);
}

void ConnectionDialog::clearErrors()
{
    for (QLabel *label : {m_embeddedError, m_sqliteError, m_postgresError}) {
        label->clear();
        label->hide();
    }
}

void ConnectionDialog::showError(Choice choice, const QString &message)
{
    QLabel *label = errorLabel(choice);
    label->setText(message);
    label->show();
    // The field the message is about, so the user can correct it at once.
    QWidget *field = choice == Choice::SqliteFile ? static_cast<QWidget *>(m_sqlitePath)
                   : choice == Choice::Postgres   ? static_cast<QWidget *>(m_postgresUrl)
                                                  : static_cast<QWidget *>(m_embedded);
    field->setFocus();
}

void ConnectionDialog::tryConnect()
{
    clearErrors();
    const Choice chosen = choice();
    DatabaseUrl url;
    try {
        switch (chosen) {
        case Choice::Embedded: url = DatabaseUrl::parse(m_embeddedUrl); break;
        case Choice::SqliteFile: url = DatabaseChooser::sqliteFile(m_sqlitePath->text()); break;
        case Choice::Postgres: url = DatabaseChooser::postgres(m_postgresUrl->text(), m_password->text()); break;
        }
    } catch (const Error &invalid) {
        showError(chosen, invalid.message());
        return;
    }
    try {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        DatabaseChooser::connect(url);
        QGuiApplication::restoreOverrideCursor();
    } catch (const Error &failed) {
        QGuiApplication::restoreOverrideCursor();
        QString message = failed.message();
        if (chosen == Choice::Postgres && url.password().isEmpty() && message.contains(QLatin1String("password"), Qt::CaseInsensitive))
            message += QLatin1Char(' ') + tr("Enter the password in its field.");
        showError(chosen, message);
        if (chosen == Choice::Postgres && url.password().isEmpty())
            m_password->setFocus();
        return;
    }
    m_url = url;
    RecentDatabases().add(url);
    accept();
}

} // namespace quango
