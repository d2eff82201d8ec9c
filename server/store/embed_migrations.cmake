# Writes a C++ source holding every db/migrations/*.sql file, so the server and the admin tool
# carry their schema with them. Run with -DMIGRATIONS_DIR=... -DOUTPUT=...
file(GLOB files "${MIGRATIONS_DIR}/*.sql")
list(SORT files)
set(body "")
foreach(path IN LISTS files)
  get_filename_component(name "${path}" NAME)
  string(REGEX MATCH "^[0-9]+" version "${name}")
  file(READ "${path}" sql)
  string(APPEND body "    {${version}, \"${name}\", R\"ringdesk_sql(${sql})ringdesk_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from db/migrations by embed_migrations.cmake; do not edit.
#include \"server/store/migrations.h\"

namespace ringdesk::store {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = {
${body}    };
    return all;
}

} // namespace ringdesk::store
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
