/* The training run of the profile-guided build (cmake/PGO.cmake): parses each file named in a
 * list, as lint does (a fresh external scanner per file), and walks every tree once with a cursor,
 * asking each node what the engine and the rules ask (kind, fields, children, error flags). It is
 * linked against instrumented copies of tree-sitter's core and the grammar; the counts it leaves
 * behind optimise the copies lint links. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

const TSLanguage* tree_sitter_python(void);

static char* read_whole(const char* path, long* size) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  char* data = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    long n = ftell(f);
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0) {
      data = malloc((size_t)n + 1);
      if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
      } else if (data) {
        *size = n;
      }
    }
  }
  fclose(f);
  return data;
}

static unsigned long walk(TSTree* tree) {
  unsigned long checksum = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    checksum += ts_node_symbol(node) + ts_tree_cursor_current_field_id(&cursor);
    checksum += ts_node_is_named(node) + ts_node_has_error(node) + ts_node_is_missing(node);
    checksum += ts_node_start_byte(node) ^ ts_node_end_byte(node);
    if (ts_node_named_child_count(node) > 0) {
      TSNode first = ts_node_named_child(node, 0);
      TSNode next = ts_node_next_named_sibling(first);
      checksum += ts_node_symbol(first) + (ts_node_is_null(next) ? 0 : ts_node_symbol(next));
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return checksum;
      }
    }
  }
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s LIST  (a file naming one Python file per line)\n", argv[0]);
    return 2;
  }
  FILE* list = fopen(argv[1], "r");
  if (!list) {
    perror(argv[1]);
    return 2;
  }
  TSParser* parser = ts_parser_new();
  char path[4096];
  unsigned long files = 0, bytes = 0, checksum = 0;
  while (fgets(path, sizeof path, list)) {
    path[strcspn(path, "\r\n")] = '\0';
    if (!path[0]) continue;
    long size = 0;
    char* source = read_whole(path, &size);
    if (!source) continue;
    if (!ts_parser_set_language(parser, tree_sitter_python())) {
      fprintf(stderr, "pgo_train: the grammar's ABI does not match the core's\n");
      return 1;
    }
    TSTree* tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)size);
    if (tree) {
      checksum += walk(tree);
      ts_tree_delete(tree);
    }
    free(source);
    ++files;
    bytes += (unsigned long)size;
  }
  fclose(list);
  ts_parser_delete(parser);
  if (files == 0) {
    fprintf(stderr, "pgo_train: no file of %s could be read\n", argv[1]);
    return 1;
  }
  printf("pgo_train: %lu files, %lu bytes parsed (checksum %lx)\n", files, bytes, checksum);
  return 0;
}
